// Setup of the `admin` jest project (jsdom): what react-admin and MUI expect of a
// browser that jsdom does not provide, and the jest-dom matchers.
const { TextEncoder, TextDecoder } = require('node:util');

if (typeof globalThis.TextEncoder === 'undefined') {
  globalThis.TextEncoder = TextEncoder;
  globalThis.TextDecoder = TextDecoder;
}
if (typeof window !== 'undefined' && !window.matchMedia) {
  window.matchMedia = (query) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  });
}
if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
// MUI X Charts clones its options; jsdom does not expose Node's structuredClone.
if (typeof globalThis.structuredClone === 'undefined') {
  const { deserialize, serialize } = require('node:v8');
  globalThis.structuredClone = (value) => deserialize(serialize(value));
}
require('@testing-library/jest-dom');

// Rendering react-admin under jsdom takes seconds on a loaded 2-core machine (CI runs the
// suites one after the other, but a developer's machine may be busy): jest's 5 s default
// timed out there, though nothing was wrong.
jest.setTimeout(30000);
