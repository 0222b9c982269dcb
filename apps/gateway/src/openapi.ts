import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

/**
 * OpenAPI at /api/docs (JSON at /api/docs-json). Request schemas come from the very class-validator
 * rules the services enforce, so the document cannot drift from the validation.
 */
export function mountOpenApi(app: INestApplication): void {
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
  const registerCase = schemas['RegisterCaseCommand'] as
    { properties?: Record<string, unknown>; required?: string[] } | undefined;
  if (registerCase) {
    // over HTTP the idempotency key travels in the Idempotency-Key header, not the body
    const { requestKey: _key, ...properties } = registerCase.properties ?? {};
    schemas['RegisterCaseBody'] = {
      ...registerCase,
      properties,
      required: (registerCase.required ?? []).filter((name) => name !== 'requestKey'),
    };
  }
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...schemas } };
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
