// The environment variables this package reads, by name. Expo's ProcessEnv declares only
// NODE_ENV, so a function that takes `{ CI?, TEST_DATABASE_URL? }` (the database test helper
// behind apps/web's server helper) refused `process.env` as sharing no property with it.
declare namespace NodeJS {
  interface ProcessEnv {
    EXPO_PUBLIC_API_URL?: string;
    CI?: string;
    COVERAGE?: string;
    TEST_DATABASE_URL?: string;
    TEST_API_URL?: string;
  }
}
