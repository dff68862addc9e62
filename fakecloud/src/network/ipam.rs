//! Address arithmetic for subnets: CIDRs, allocation pools, the next free address.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// An IP network: version, first address and prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cidr {
    pub(crate) version: u8,
    pub(crate) first: u128,
    pub(crate) prefix: u8,
}

fn bits(version: u8) -> u8 {
    if version == 4 { 32 } else { 128 }
}

/// Parses an address: its version and value.
pub(crate) fn parse_ip(s: &str) -> Option<(u8, u128)> {
    match s.parse::<IpAddr>().ok()? {
        IpAddr::V4(a) => Some((4, u128::from(u32::from(a)))),
        IpAddr::V6(a) => Some((6, u128::from(a))),
    }
}

/// Writes an address of a version.
pub(crate) fn fmt_ip(version: u8, value: u128) -> String {
    if version == 4 {
        Ipv4Addr::from(u32::try_from(value).unwrap_or(u32::MAX)).to_string()
    } else {
        Ipv6Addr::from(value).to_string()
    }
}

impl Cidr {
    /// Parses `address/prefix`; the host bits are cleared.
    pub(crate) fn parse(s: &str) -> Option<Cidr> {
        let (addr, prefix) = s.split_once('/')?;
        let (version, value) = parse_ip(addr)?;
        let prefix: u8 = prefix.parse().ok()?;
        if prefix > bits(version) {
            return None;
        }
        let size = Self::size_of(version, prefix);
        let first = value - value % size.max(1);
        Some(Cidr {
            version,
            first,
            prefix,
        })
    }

    fn size_of(version: u8, prefix: u8) -> u128 {
        let host = u32::from(bits(version) - prefix);
        if host >= 128 {
            u128::MAX
        } else {
            1u128 << host
        }
    }

    /// How many addresses it spans.
    pub(crate) fn size(&self) -> u128 {
        Self::size_of(self.version, self.prefix)
    }

    /// Its last address.
    pub(crate) fn last(&self) -> u128 {
        self.first.saturating_add(self.size() - 1)
    }

    /// Whether it holds the address.
    pub(crate) fn contains(&self, version: u8, value: u128) -> bool {
        version == self.version && value >= self.first && value <= self.last()
    }

    /// Whether two networks share an address.
    pub(crate) fn overlaps(&self, other: &Cidr) -> bool {
        self.version == other.version && self.first <= other.last() && other.first <= self.last()
    }

    /// `address/prefix`, normalised.
    pub(crate) fn to_text(self) -> String {
        format!("{}/{}", fmt_ip(self.version, self.first), self.prefix)
    }

    /// The default gateway: the first host address.
    pub(crate) fn default_gateway(&self) -> Option<u128> {
        (self.size() > 2).then(|| self.first + 1)
    }

    /// The default allocation pools: every host address but the gateway (and, in IPv4,
    /// the network and broadcast addresses; in IPv6 the subnet-router anycast one).
    pub(crate) fn default_pools(&self, gateway: Option<u128>) -> Vec<(u128, u128)> {
        if self.size() <= 2 {
            return vec![(self.first, self.last())];
        }
        let start = self.first + 1;
        let end = if self.version == 4 {
            self.last() - 1
        } else {
            self.last()
        };
        match gateway {
            Some(g) if g == start => vec![(start + 1, end)],
            Some(g) if g == end => vec![(start, end - 1)],
            Some(g) if g > start && g < end => vec![(start, g - 1), (g + 1, end)],
            _ => vec![(start, end)],
        }
    }

    /// The next sub-network of `prefix` inside this one that overlaps none of `taken`.
    pub(crate) fn free_block(&self, prefix: u8, taken: &[Cidr]) -> Option<Cidr> {
        if prefix < self.prefix || prefix > bits(self.version) {
            return None;
        }
        let step = Self::size_of(self.version, prefix);
        let mut at = self.first;
        while at <= self.last() {
            let c = Cidr {
                version: self.version,
                first: at,
                prefix,
            };
            match taken
                .iter()
                .filter(|t| t.overlaps(&c))
                .map(Cidr::last)
                .max()
            {
                None => return Some(c),
                Some(end) => {
                    let next = end.checked_add(1)?;
                    at = next.div_ceil(step).checked_mul(step)?;
                }
            }
        }
        None
    }
}

/// The fewest networks that cover the union of `cidrs` (adjacent ones merge), less
/// `minus`, in address order.
pub(crate) fn merge_cidrs(cidrs: &[Cidr], minus: &[Cidr]) -> Vec<Cidr> {
    let Some(version) = cidrs.first().map(|c| c.version) else {
        return Vec::new();
    };
    let mut ranges: Vec<(u128, u128)> = cidrs.iter().map(|c| (c.first, c.last())).collect();
    ranges.sort_unstable();
    let mut merged: Vec<(u128, u128)> = Vec::new();
    for (a, b) in ranges {
        match merged.last_mut() {
            Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    for m in minus {
        let (ma, mb) = (m.first, m.last());
        merged = merged
            .into_iter()
            .flat_map(|(a, b)| {
                if mb < a || ma > b {
                    return vec![(a, b)];
                }
                let mut out = Vec::new();
                if ma > a {
                    out.push((a, ma - 1));
                }
                if mb < b {
                    out.push((mb + 1, b));
                }
                out
            })
            .collect();
    }
    let width = u32::from(bits(version));
    let mut out = Vec::new();
    for (mut a, b) in merged {
        loop {
            // The largest aligned block at `a` that fits before `b`.
            let mut host = if a == 0 {
                width
            } else {
                a.trailing_zeros().min(width)
            };
            while host > 0 && (host >= 128 || a.saturating_add((1u128 << host) - 1) > b) {
                host -= 1;
            }
            let prefix = u8::try_from(width - host).unwrap_or(0);
            let c = Cidr {
                version,
                first: a,
                prefix,
            };
            out.push(c);
            match c.last().checked_add(1) {
                Some(next) if next <= b => a = next,
                _ => break,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_and_blocks() {
        let c = Cidr::parse("10.0.0.5/24").unwrap_or(Cidr {
            version: 0,
            first: 0,
            prefix: 0,
        });
        assert_eq!(c.to_text(), "10.0.0.0/24");
        let pools = c.default_pools(c.default_gateway());
        assert_eq!(pools.len(), 1);
        assert_eq!(fmt_ip(4, pools[0].0), "10.0.0.2");
        assert_eq!(fmt_ip(4, pools[0].1), "10.0.0.254");
        let taken = [Cidr::parse("10.0.0.0/26").unwrap_or(c)];
        let free = c.free_block(26, &taken).map(Cidr::to_text);
        assert_eq!(free.as_deref(), Some("10.0.0.64/26"));
        let more = [c, Cidr::parse("10.0.1.0/24").unwrap_or(c)];
        let merged: Vec<String> = merge_cidrs(&more, &[])
            .into_iter()
            .map(Cidr::to_text)
            .collect();
        assert_eq!(merged, ["10.0.0.0/23"]);
        let split: Vec<String> = merge_cidrs(&more, &[c])
            .into_iter()
            .map(Cidr::to_text)
            .collect();
        assert_eq!(split, ["10.0.1.0/24"]);
        let v6 = Cidr::parse("fd00::/64").unwrap_or(c);
        assert_eq!(v6.size(), 1u128 << 64);
    }
}
