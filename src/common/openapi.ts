import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Serves the OpenAPI description of every endpoint at /docs (UI) and /docs-json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('verdict-watch')
    .setDescription(
      'Weekly counts of Russian military court cases (Art. 337 and related articles), claim checks and CSV downloads. ' +
        'Public endpoints need no key; defendants\' names and writes need an API key (x-api-key header or Authorization: Bearer). ' +
        'A bad parameter gets a 400 whose message names it.',
    )
    .setVersion('1')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'api-key')
    .addBearerAuth({ type: 'http', scheme: 'bearer' }, 'bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
