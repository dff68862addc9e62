//! Identity API v2.0 (Keystone), for legacy clouds. Create the client with
//! [`new_identity_v2`](crate::openstack::new_identity_v2).

crate::resources! {
    /// EC2 credentials (OS-KSEC2) and EC2 token validation.
    pub mod ec2;
    /// Extensions (identity v2.0).
    pub mod extensions;
    /// Roles (identity v2.0).
    pub mod roles;
    /// Tenants (identity v2.0).
    pub mod tenants;
    /// Tokens (identity v2.0, legacy clouds).
    pub mod tokens;
    /// Users (identity v2.0).
    pub mod users;
}
