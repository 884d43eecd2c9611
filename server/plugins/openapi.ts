import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { componentRegistry, tidyComponents } from './openapi-components.ts';
import { ERROR_RESPONSES, errorResponsesOf } from './openapi-errors.ts';
import {
  fileResponsesOf,
  operationIdOf,
  SESSION_SCHEME,
  securityOf,
  uploadBodyOf,
} from './openapi-operations.ts';

type Transform = ReturnType<typeof createJsonSchemaTransform>;

/**
 * OpenAPI document at /api/openapi.json, generated from the zod schemas, and a browsable UI at
 * /api/docs. Fit for client generators: every operation has an id and its security requirement,
 * uploads and imports their request bodies, and the contract schemas are components.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  // Parameter schemas stay inline: parameters are listed field by field.
  const parameterSchemas = new Set<unknown>();
  app.addHook('onRoute', (route) => {
    for (const part of ['params', 'querystring', 'headers'] as const) {
      if (route.schema?.[part]) parameterSchemas.add(route.schema[part]);
    }
  });
  // Built on first use, once every route (and so every parameter schema) is known.
  let transforms:
    | { route: Transform; document: ReturnType<typeof createJsonSchemaTransformObject> }
    | undefined;
  const transformsOf = () => {
    if (!transforms) {
      const schemaRegistry = componentRegistry(parameterSchemas);
      transforms = {
        route: createJsonSchemaTransform({ schemaRegistry }),
        document: createJsonSchemaTransformObject({ schemaRegistry }),
      };
    }
    return transforms;
  };

  await app.register(swagger, {
    openapi: {
      // 3.1: JSON Schema as zod writes it, so a nullable reference needs no workaround.
      openapi: '3.1.0',
      info: {
        title: 'mentorNET API',
        description:
          'JSON API of mentorNET. Errors always have the shape `{ "error": { "code", "message", "details"? } }`; ' +
          'messages are translated to the account language or Accept-Language.',
        version: '0.1.0',
        license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
      },
      // Relative: the instance that serves the document.
      servers: [{ url: '/', description: 'This mentorNET instance' }],
      components: {
        securitySchemes: {
          [SESSION_SCHEME]: {
            type: 'apiKey',
            in: 'cookie',
            name: 'mn_session',
            description: 'The session cookie set by signing in (`POST /api/auth/login`)',
          },
        },
        responses: ERROR_RESPONSES,
      },
    },
    transform: (input) => {
      const { schema, url } = transformsOf().route(input);
      if (schema.hide) return { schema, url };
      const method = [input.route.method].flat()[0] ?? 'GET';
      return {
        url,
        schema: {
          ...schema,
          operationId: schema.operationId ?? operationIdOf(method, input.url),
          security: schema.security ?? securityOf(input.route.config),
          body: schema.body ?? uploadBodyOf(schema),
          response: fileResponsesOf(schema.response),
        },
      };
    },
    transformObject: (input) => {
      const document = transformsOf().document(input);
      tidyComponents(errorResponsesOf(document as unknown as Record<string, unknown>));
      return document;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
