//! Remote consoles (VNC, SPICE, serial, RDP, MKS) and console authentication tokens.

crate::operations! {
    service: "compute";
}
