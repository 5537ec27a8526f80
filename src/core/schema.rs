//! The JSON Schema of content format v1, generated from the Rust types (native builds only).
//! `cargo test` fails when public/schema/ is out of date; `UPDATE_SCHEMA=1 cargo test` rewrites it.
//! The types written as strings or numbers get their schema and their serialization here, side
//! by side.

use super::model::{Article, HeadingLevel, Slug, Teaser, Text, Timestamp};
use schemars::gen::SchemaGenerator;
use schemars::schema::{InstanceType, Metadata, Schema, SchemaObject, StringValidation, SubschemaValidation};
use schemars::{schema_for, JsonSchema};
use serde::{Serialize, Serializer};

impl Serialize for Slug {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

impl Serialize for HeadingLevel {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(if *self == HeadingLevel::H3 { 3 } else { 2 })
    }
}

fn string_schema(pattern: &str, format: Option<&str>, description: &str) -> Schema {
    SchemaObject {
        instance_type: Some(InstanceType::String.into()),
        format: format.map(str::to_owned),
        string: Some(Box::new(StringValidation { pattern: Some(pattern.to_owned()), ..Default::default() })),
        metadata: Some(Box::new(Metadata { description: Some(description.to_owned()), ..Default::default() })),
        ..Default::default()
    }
    .into()
}

impl JsonSchema for Slug {
    fn schema_name() -> String {
        "Slug".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut schema = string_schema("^[a-z0-9-]+$", None, "URL-safe article identifier, at most 200 characters.");
        if let Schema::Object(SchemaObject { string: Some(s), .. }) = &mut schema {
            s.max_length = Some(Slug::MAX_LEN as u32);
        }
        schema
    }
}

impl JsonSchema for Timestamp {
    fn schema_name() -> String {
        "Timestamp".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        string_schema(
            r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$",
            Some("date-time"),
            "RFC 3339 with offset, in the publisher's local time: the date shown is the one in this offset.",
        )
    }
}

impl JsonSchema for HeadingLevel {
    fn schema_name() -> String {
        "HeadingLevel".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        SchemaObject {
            instance_type: Some(InstanceType::Integer.into()),
            enum_values: Some(vec![2.into(), 3.into()]),
            metadata: Some(Box::new(Metadata {
                description: Some("Sub-heading level; 1 is the headline's. Default 2.".into()),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}

/// A table cell: rich text, a number (shown as written) or null (an empty cell).
pub struct Cell;

impl JsonSchema for Cell {
    fn schema_name() -> String {
        "Cell".into()
    }
    fn json_schema(gen: &mut SchemaGenerator) -> Schema {
        SchemaObject {
            subschemas: Some(Box::new(SubschemaValidation {
                any_of: Some(vec![
                    gen.subschema_for::<Text>(),
                    SchemaObject { instance_type: Some(InstanceType::Number.into()), ..Default::default() }.into(),
                    SchemaObject { instance_type: Some(InstanceType::Null.into()), ..Default::default() }.into(),
                ]),
                ..Default::default()
            })),
            metadata: Some(Box::new(Metadata {
                description: Some("Rich text, a number (shown as written) or null (empty).".into()),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}

/// `news.json`, as the schema describes it (decoding itself is tolerant: see `decode`).
#[derive(JsonSchema)]
#[allow(dead_code)]
#[schemars(title = "Newsroom index (news.json), content format v1.1")]
struct NewsIndexFile {
    /// Format version: 1. Version 1.1 only adds an optional field (an image's `srcset`): a
    /// reader of 1.0 ignores it, a 1.1 reader shows an index without it.
    #[schemars(range(min = 1, max = 1))]
    version: u32,
    /// Newest first is customary, but the app sorts by `published` itself.
    items: Vec<Teaser>,
    /// URL of the next, older page of the index (feed paging). Absent on the last page.
    next: Option<String>,
}

pub fn index_schema() -> String {
    serde_json::to_string_pretty(&schema_for!(NewsIndexFile)).unwrap() + "\n"
}

pub fn article_schema() -> String {
    let mut schema = schema_for!(Article);
    if let Some(meta) = schema.schema.metadata.as_mut() {
        meta.title = Some("Newsroom article ({slug}.json), content format v1.2".into());
    }
    serde_json::to_string_pretty(&schema).unwrap() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn check(file: &str, generated: String) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/schema").join(file);
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &generated).unwrap();
        }
        let published = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            published == generated,
            "{} is out of date with the Rust types: run `UPDATE_SCHEMA=1 cargo test` and commit it",
            path.display()
        );
    }

    #[test]
    fn published_index_schema_matches_the_types() {
        check("news.schema.json", index_schema());
    }

    #[test]
    fn published_article_schema_matches_the_types() {
        check("article.schema.json", article_schema());
    }
}
