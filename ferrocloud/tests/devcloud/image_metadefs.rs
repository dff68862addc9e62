//! Metadata definitions and Glance's schemas against the real Glance 33: a namespace
//! with its objects, properties, tags and resource type associations, created, read,
//! changed and deleted. Everything made here is deleted here, even when a check fails.

use std::panic::AssertUnwindSafe;

use futures::FutureExt;

use crate::support::*;
use ferrocloud::openstack::image::v2::metadefs::{
    ItemType, Property, PropertyKind, SortDir, Visibility, namespaces, objects, properties,
    resource_types, tags,
};
use ferrocloud::openstack::image::v2::schemas::{self, Schema};
use ferrocloud::{ErrorKind, ServiceClient, openstack};

async fn admin_image() -> ServiceClient {
    openstack::new_image_v2(&admin().await, region()).unwrap()
}

/// A namespace name with Glance's `::` separators, unique to this run.
fn namespace_name() -> String {
    format!("Ferro::Test::{}", unique("ns"))
}

/// Runs `body`, then deletes the namespaces whatever happened.
async fn with_cleanup<F: std::future::Future<Output = ()>>(
    image: &ServiceClient,
    names: &[&str],
    body: F,
) {
    let result = AssertUnwindSafe(body).catch_unwind().await;
    for name in names {
        // A protected namespace must be unprotected first.
        let _ = namespaces::update(image, name, &namespaces::UpdateOpts::new(*name)).await;
        let _ = namespaces::delete(image, name).await;
    }
    if let Err(panic) = result {
        std::panic::resume_unwind(panic);
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn image_metadefs_namespace_lifecycle() {
    let image = admin_image().await;
    let name = namespace_name();
    let other = namespace_name();
    // A resource type of this run only, so that a filtered listing holds our two
    // namespaces and nothing else.
    let rtype = format!("Ferro::Type::{}", unique("rt"));
    let cores = Property::new("Cores", PropertyKind::Integer)
        .minimum(1)
        .maximum(64);
    let opts = namespaces::CreateOpts::new(name.as_str())
        .display_name("Ferro test namespace")
        .description("made by a test")
        .property("cores", cores.clone())
        .object(
            objects::CreateOpts::new("Limits")
                .property("period", Property::new("Period", PropertyKind::Integer))
                .required(["period"]),
        )
        .tag("first")
        .resource_type(rtype.as_str(), Some("fr_"));
    let created = namespaces::create(&image, &opts).await;
    assert_eq!(created.status_code(), Some(201));
    let location = created
        .response()
        .and_then(|r| r.header("location"))
        .map(str::to_string);
    let ns = created.extract().unwrap();
    let second = namespaces::CreateOpts::new(other.as_str()).resource_type(rtype.as_str(), None);
    namespaces::create(&image, &second).await.extract().unwrap();

    with_cleanup(&image, &[&name, &other], async {
        // The answer: Glance's defaults, and the contents echoed as sent (no dates).
        let location = location.expect("a Location header");
        assert!(
            location.ends_with(&format!("/v2/metadefs/namespaces/{name}")),
            "{location}"
        );
        assert_eq!(ns.namespace, name);
        assert_eq!(ns.visibility, Visibility::Private);
        assert!(!ns.protected);
        assert!(
            ns.updated_at.is_some(),
            "Glance 33 sets updated_at on creation"
        );
        assert_eq!(ns.resource_type_associations[0].created_at, None);
        assert_eq!(ns.objects[0].created_at, None);
        assert_eq!(ns.properties["cores"].maximum, Some(64));
        assert_eq!(ns.self_link, format!("/v2/metadefs/namespaces/{name}"));

        // Shown with everything, dated; with a resource type, names take its prefix.
        let shown = namespaces::get(&image, &name, None)
            .await
            .extract()
            .unwrap();
        assert_eq!(shown.tags[0].name, "first");
        assert!(shown.objects[0].created_at.is_some());
        assert_eq!(shown.objects[0].required, ["period"]);
        assert!(shown.resource_type_associations[0].created_at.is_some());
        let prefixed = namespaces::get(&image, &name, Some(&rtype))
            .await
            .extract()
            .unwrap();
        assert!(prefixed.properties.contains_key("fr_cores"));
        assert_eq!(prefixed.objects[0].required, ["fr_period"]);

        // Listed by resource type, one per page, following Glance's `next` link.
        let list = namespaces::ListOpts {
            resource_types: vec![rtype.clone()],
            limit: Some(1),
            sort_key: Some("namespace".into()),
            sort_dir: Some(SortDir::Asc),
            ..Default::default()
        };
        let pages = namespaces::list(&image, &list).all_pages().await.unwrap();
        assert!(pages.responses().len() >= 2);
        let listed: Vec<String> = pages
            .extract()
            .unwrap()
            .into_iter()
            .map(|n| n.namespace)
            .collect();
        let mut want = vec![name.clone(), other.clone()];
        want.sort();
        assert_eq!(listed, want);

        // An update replaces every field: what is not sent is cleared or reset.
        let public = namespaces::UpdateOpts::from_namespace(&shown)
            .visibility(Visibility::Public)
            .description("changed");
        let updated = namespaces::update(&image, &name, &public)
            .await
            .extract()
            .unwrap();
        assert_eq!(updated.visibility, Visibility::Public);
        assert_eq!(
            updated.display_name.as_deref(),
            Some("Ferro test namespace")
        );
        assert!(updated.objects.is_empty() && updated.tags.is_empty());
        let bare = namespaces::update(&image, &name, &namespaces::UpdateOpts::new(name.as_str()))
            .await
            .extract()
            .unwrap();
        assert_eq!(bare.display_name, None);
        assert_eq!(bare.description, None);
        assert_eq!(bare.visibility, Visibility::Private);

        // A protected namespace is not deleted.
        namespaces::update(
            &image,
            &name,
            &namespaces::UpdateOpts::new(name.as_str()).protected(true),
        )
        .await
        .extract()
        .unwrap();
        let refused = namespaces::delete(&image, &name).await;
        assert_eq!(refused.err().map(|e| e.kind()), Some(ErrorKind::Forbidden));
        namespaces::update(&image, &name, &namespaces::UpdateOpts::new(name.as_str()))
            .await
            .extract()
            .unwrap();
    })
    .await;
    for n in [&name, &other] {
        let gone = namespaces::get(&image, n, None).await;
        assert_eq!(gone.err().map(|e| e.kind()), Some(ErrorKind::NotFound));
    }
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn image_metadefs_objects_properties_tags_and_associations() {
    let image = admin_image().await;
    let name = namespaces::create(&image, &namespaces::CreateOpts::new(namespace_name()))
        .await
        .extract()
        .unwrap()
        .namespace;
    let rtype = format!("Ferro::Type::{}", unique("rt"));
    with_cleanup(&image, &[&name], async {
        // Objects: created with a name alone, Glance leaves out what was not given.
        let created = objects::create(&image, &name, &objects::CreateOpts::new("CPU Limits")).await;
        assert_eq!(created.status_code(), Some(201));
        let obj = created.extract().unwrap();
        assert_eq!(obj.description, None);
        assert!(obj.properties.is_empty() && obj.required.is_empty());
        assert_eq!(
            obj.self_link,
            format!("/v2/metadefs/namespaces/{name}/objects/CPU Limits")
        );
        let with_props = objects::CreateOpts::new("Disk QoS")
            .description("disk limits")
            .property(
                "read",
                Property::new("Read", PropertyKind::Integer).minimum(0),
            );
        objects::create(&image, &name, &with_props)
            .await
            .extract()
            .unwrap();
        let shown = objects::get(&image, &name, "CPU Limits")
            .await
            .extract()
            .unwrap();
        assert_eq!(shown.created_at, obj.created_at);
        let all = objects::list(&image, &name).await.extract().unwrap();
        assert_eq!(all.len(), 2);
        // The update replaces: the description not sent is cleared.
        let renamed = objects::CreateOpts::new("Disk limits")
            .property("read", Property::new("Read", PropertyKind::Integer));
        let updated = objects::update(&image, &name, "Disk QoS", &renamed)
            .await
            .extract()
            .unwrap();
        assert_eq!(updated.name, "Disk limits");
        assert_eq!(updated.description, None);
        assert_eq!(updated.properties["read"].minimum, None);
        objects::delete(&image, &name, "Disk limits")
            .await
            .ok()
            .unwrap();
        let gone = objects::get(&image, &name, "Disk limits").await;
        assert_eq!(gone.err().map(|e| e.kind()), Some(ErrorKind::NotFound));
        objects::delete_all(&image, &name).await.ok().unwrap();
        assert!(
            objects::list(&image, &name)
                .await
                .extract()
                .unwrap()
                .is_empty()
        );

        // Properties: a map keyed by name; alone, with the name.
        let flags = Property::new("Flags", PropertyKind::Array)
            .description("feature flags")
            .items(ItemType::new(PropertyKind::String).enum_values(["a", "b"]))
            .operators(["<all-in>"])
            .default_value("a");
        let created = properties::create(
            &image,
            &name,
            &properties::CreateOpts::new("flags", flags.clone()),
        )
        .await;
        assert_eq!(created.status_code(), Some(201));
        let p = created.extract().unwrap();
        assert_eq!(p.name.as_deref(), Some("flags"));
        assert_eq!(p.items, flags.items);
        assert_eq!(p.default, Some(serde_json::json!("a")));
        let plain = Property::new("Plain", PropertyKind::String);
        properties::create(&image, &name, &properties::CreateOpts::new("plain", plain))
            .await
            .extract()
            .unwrap();
        let map = properties::list(&image, &name).await.extract().unwrap();
        assert_eq!(map.keys().collect::<Vec<_>>(), ["flags", "plain"]);
        assert_eq!(map["plain"].description, None, "left out when not given");
        assert_eq!(map["plain"].enum_values, None, "left out when not given");
        let shown = properties::get(&image, &name, "flags", None)
            .await
            .extract()
            .unwrap();
        assert_eq!(shown, p);
        let replaced =
            properties::CreateOpts::new("flags", Property::new("Flags", PropertyKind::String));
        let updated = properties::update(&image, &name, "flags", &replaced)
            .await
            .extract()
            .unwrap();
        assert_eq!(updated.description, None);
        assert_eq!(updated.items, None);
        properties::delete(&image, &name, "plain")
            .await
            .ok()
            .unwrap();
        let gone = properties::get(&image, &name, "plain", None).await;
        assert_eq!(gone.err().map(|e| e.kind()), Some(ErrorKind::NotFound));

        // Resource type associations; the prefixed name shows a property.
        let assoc = resource_types::CreateOpts::new(rtype.as_str())
            .prefix("fr_")
            .properties_target("image");
        let created = resource_types::create_association(&image, &name, &assoc).await;
        assert_eq!(created.status_code(), Some(201));
        let a = created.extract().unwrap();
        assert!(a.created_at.is_some());
        assert_eq!(a.properties_target.as_deref(), Some("image"));
        let listed = resource_types::list_associations(&image, &name)
            .await
            .extract()
            .unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].prefix.as_deref(), Some("fr_"));
        let types = resource_types::list(&image).await.extract().unwrap();
        assert!(
            types.iter().any(|t| t.name == rtype),
            "an association adds its resource type"
        );
        let by_prefix = properties::get(&image, &name, "fr_flags", Some(&rtype))
            .await
            .extract()
            .unwrap();
        assert_eq!(by_prefix.name.as_deref(), Some("flags"));
        let unprefixed = properties::get(&image, &name, "flags", Some(&rtype)).await;
        assert_eq!(
            unprefixed.err().map(|e| e.kind()),
            Some(ErrorKind::NotFound)
        );
        resource_types::delete_association(&image, &name, &rtype)
            .await
            .ok()
            .unwrap();
        assert!(
            resource_types::list_associations(&image, &name)
                .await
                .extract()
                .unwrap()
                .is_empty()
        );
        properties::delete_all(&image, &name).await.ok().unwrap();
        assert!(
            properties::list(&image, &name)
                .await
                .extract()
                .unwrap()
                .is_empty()
        );

        // Tags: one, then many replacing them, then many appended.
        let created = tags::create(&image, &name, "solo").await;
        assert_eq!(created.status_code(), Some(201));
        let solo = created.extract().unwrap();
        assert!(solo.updated_at.is_some());
        let replaced =
            tags::create_many(&image, &name, &tags::CreateManyOpts::new(["a", "b"]), false)
                .await
                .extract()
                .unwrap();
        assert_eq!(replaced.len(), 2);
        let names = |v: Vec<tags::TagName>| {
            let mut n: Vec<String> = v.into_iter().map(|t| t.name).collect();
            n.sort();
            n
        };
        let all = tags::list(&image, &name, &Default::default())
            .all()
            .await
            .unwrap();
        assert_eq!(
            names(all),
            ["a", "b"],
            "without append, the tags are replaced"
        );
        tags::create_many(&image, &name, &tags::CreateManyOpts::new(["c"]), true)
            .await
            .extract()
            .unwrap();
        let dup = tags::create_many(&image, &name, &tags::CreateManyOpts::new(["a"]), true).await;
        assert_eq!(dup.err().map(|e| e.kind()), Some(ErrorKind::Conflict));
        // Paged by marker, one at a time.
        let paged = tags::ListOpts {
            limit: Some(1),
            sort_key: Some("name".into()),
            sort_dir: Some(SortDir::Asc),
            ..Default::default()
        };
        let pages = tags::list(&image, &name, &paged).all_pages().await.unwrap();
        assert!(pages.responses().len() >= 3);
        let all = pages.extract().unwrap();
        assert_eq!(
            all.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
        let b = tags::get(&image, &name, "b").await.extract().unwrap();
        assert_eq!(b.name, "b");
        let renamed = tags::update(&image, &name, "b", "bee")
            .await
            .extract()
            .unwrap();
        assert_eq!(renamed.name, "bee");
        tags::delete(&image, &name, "bee").await.ok().unwrap();
        let gone = tags::get(&image, &name, "bee").await;
        assert_eq!(gone.err().map(|e| e.kind()), Some(ErrorKind::NotFound));
        tags::delete_all(&image, &name).await.ok().unwrap();
        assert!(
            tags::list(&image, &name, &Default::default())
                .all()
                .await
                .unwrap()
                .is_empty()
        );
    })
    .await;
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn image_metadefs_are_admin_only_by_default() {
    let image = openstack::new_image_v2(&member().await, region()).unwrap();
    let refused = namespaces::create(&image, &namespaces::CreateOpts::new(namespace_name())).await;
    assert_eq!(refused.err().map(|e| e.kind()), Some(ErrorKind::Forbidden));
}

#[tokio::test]
#[ignore = "needs the devcloud: scripts/devcloud up"]
async fn image_metadefs_every_schema() {
    let image = admin_image().await;
    for schema in Schema::ALL {
        let doc = schemas::get(&image, schema).await.extract().unwrap();
        assert_eq!(doc.name, schema.name(), "{schema:?}");
        assert!(!doc.properties.is_empty(), "{schema:?}");
        assert!(doc.other.is_empty(), "{schema:?}: {:?}", doc.other.keys());
    }
    let ns = schemas::get(&image, Schema::MetadefNamespace)
        .await
        .extract()
        .unwrap();
    assert_eq!(ns.required, ["namespace"]);
    assert_eq!(ns.additional_properties, Some(serde_json::json!(false)));
    let tags = schemas::get(&image, Schema::MetadefTags)
        .await
        .extract()
        .unwrap();
    assert!(
        tags.links
            .iter()
            .any(|l| l.rel == "next" && l.href == "{next}")
    );
}
