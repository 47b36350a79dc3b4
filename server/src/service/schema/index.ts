/**
 * Schema support for the language service: the generated ECS schemas, the per-shape variants, JSON
 * schema validation mapped to `schema/*` findings, and schema navigation for completion and hover.
 */
export { createSchemaValidator, SCHEMA_RULE_IDS, type SchemaValidator } from './validate';
export { schemaFor, schemaKindOf, type SchemaKind, type SchemaNode } from './schemas';
export { schemaAt, resolveRef, type JsonPath, type SchemaStep } from './navigate';
