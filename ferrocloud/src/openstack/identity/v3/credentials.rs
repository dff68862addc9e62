//! Credentials (EC2, TOTP and other secrets stored in Keystone).

crate::operations! {
    service: "identity";
}
