// Suites on real services (workflow, integration, e2e) get a longer per-test timeout;
// `testTimeout` is a global jest option and cannot be set per project.
jest.setTimeout(180000);
