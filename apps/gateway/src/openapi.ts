import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { commandBodyDocs } from './http/request-input.js';

/**
 * OpenAPI at /api/docs (JSON at /api/docs-json). Request schemas come from the very class-validator
 * rules the services enforce, so the document cannot drift from the validation.
 */
export function mountOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
}

/** The document of every route, with the request schemas the validation classes define. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Writ — 法院执行案件管理平台 API')
    .setDescription(
      'Court enforcement of civil judgments. Errors are application/problem+json with `code` and `errors[]` naming each field and rule.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = validationMetadatasToSchemas({ refPointerPrefix: '#/components/schemas/' }) as Record<
    string,
    object
  >;
  // over HTTP a command's path ids and idempotency key travel in the URL and the Idempotency-Key
  // header, not the body: each route's body schema is its command's less those fields
  for (const [bodyName, { command, omit }] of commandBodyDocs()) {
    const schema = schemas[command] as
      { properties?: Record<string, unknown>; required?: string[] } | undefined;
    if (schema) schemas[bodyName] = bodySchemaOf(schema, omit);
  }
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas } };
  return document;
}

/** A command's JSON schema without the named fields, neither as properties nor as required. */
export function bodySchemaOf(
  schema: { properties?: Record<string, unknown>; required?: string[] },
  omit: readonly string[],
): object {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).filter(([name]) => !omit.includes(name)),
  );
  return { ...schema, properties, required: (schema.required ?? []).filter((name) => !omit.includes(name)) };
}
