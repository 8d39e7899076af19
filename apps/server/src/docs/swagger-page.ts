// The /docs page: Swagger UI from local files. `validatorUrl: null` keeps it from sending the
// document to validator.swagger.io; the OAuth2 password flow posts to our own token endpoint.
export function swaggerPage(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API reference</title>
    <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png" />
    <link rel="stylesheet" href="/docs/assets/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
`;
}

export function swaggerInitScript(documentUrl: string): string {
  const options = {
    url: documentUrl,
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    tryItOutEnabled: true,
    displayRequestDuration: true,
    persistAuthorization: false,
  };
  return `window.ui = SwaggerUIBundle(${JSON.stringify(options)});\n`;
}
