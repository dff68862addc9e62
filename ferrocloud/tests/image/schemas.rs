//! Glance's JSON schemas against a mock Glance: each of the 16, answered with its
//! official sample.

use ferrocloud::openstack::image::v2::schemas::{self, Schema};
use wiremock::MockServer;

use crate::{expect, image};

/// The sample of each schema.
fn sample_of(schema: Schema) -> &'static str {
    match schema {
        Schema::Image => "schemas-image-show-response.json",
        Schema::Images => "schemas-images-list-response.json",
        Schema::Member => "schemas-image-member-show-response.json",
        Schema::Members => "schemas-image-members-list-response.json",
        Schema::Task => "schemas-task-show-response.json",
        Schema::Tasks => "schemas-tasks-list-response.json",
        Schema::MetadefNamespace => "schemas-metadef-namespace-show-response.json",
        Schema::MetadefNamespaces => "schemas-metadef-namespaces-list-response.json",
        Schema::MetadefResourceType => {
            "schemas-metadef-resource-type-association-show-response.json"
        }
        Schema::MetadefResourceTypes => {
            "schemas-metadef-resource-type-associations-list-response.json"
        }
        Schema::MetadefObject => "schemas-metadef-object-show-response.json",
        Schema::MetadefObjects => "schemas-metadef-objects-list-response.json",
        Schema::MetadefProperty => "schemas-metadef-property-show-response.json",
        Schema::MetadefProperties => "schemas-metadef-properties-list-response.json",
        Schema::MetadefTag => "schemas-metadef-tag-show-response.json",
        Schema::MetadefTags => "schemas-metadef-tags-list-response.json",
    }
}

#[tokio::test]
async fn every_schema_is_read() {
    let server = MockServer::start().await;
    let client = image(&server).await;
    let mut docs = std::collections::HashMap::new();
    for schema in Schema::ALL {
        let rel = schema.path().trim_start_matches('/');
        expect(&server, "GET", rel, None, 200, Some(sample_of(schema))).await;
        let doc = schemas::get(&client, schema).await.extract().unwrap();
        assert_eq!(doc.name, schema.name(), "{schema:?}");
        assert!(!doc.properties.is_empty(), "{schema:?}");
        assert!(doc.other.is_empty(), "{schema:?}: {:?}", doc.other.keys());
        docs.insert(schema, doc);
    }
    let image_schema = &docs[&Schema::Image];
    assert_eq!(
        image_schema.additional_properties,
        Some(serde_json::json!({"type": "string"}))
    );
    assert!(image_schema.links.iter().any(|l| l.rel == "enclosure"));
    let ns = &docs[&Schema::MetadefNamespace];
    assert_eq!(ns.required, ["namespace"]);
    assert!(ns.definitions.contains_key("property"));
}
