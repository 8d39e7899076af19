// What the panel says on its front page: chiefly how to call protected procedures.
export const PANEL_DESCRIPTION = [
  'Every procedure of the app router, with its input schema. Calls go to `/trpc` as the apps make them.',
  '',
  '**Protected procedures** need an access token:',
  '1. Call `auth.register` or `auth.login` and copy `accessToken` from the answer',
  '   (or take one from `POST /api/v1/auth/token` or `/api/v1/auth/login`).',
  '2. Open **Headers** (top right), add the header `Authorization` with the value',
  '   `Bearer <accessToken>`, and save. Tick "save to local storage" to keep it across reloads.',
  '3. Call any procedure; the token lasts 15 minutes, then repeat step 1 or call `auth.refresh`.',
  '',
  'Off in production unless `PANEL_ENABLED=true`. REST reference: [/docs](/docs).',
].join('\n');
