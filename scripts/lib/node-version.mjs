// Which Node runs `npm start` / `npm test`, said plainly, with a warning below the
// supported versions (package.json `engines`: Node 22 and 24; Node 20 is end of life).
// Plain Node, no dependencies: it runs before node_modules exists.
import { step } from './log.mjs';

export const SUPPORTED_NODE_MAJORS = [22, 24];
const MINIMUM = { major: 22, minor: 12 };

/** Prints `Node vX (path)` and returns false, with a warning, when that Node is too old. */
export function reportNodeVersion(log = step, version = process.versions.node, path = process.execPath) {
  log(`Node v${version} (${path})`);
  const [major, minor] = version.split('.').map(Number);
  const supported = major > MINIMUM.major || (major === MINIMUM.major && minor >= MINIMUM.minor);
  if (!supported) {
    log(
      `WARNING: Node ${major} is not supported (end of life). Use Node 22.12+ or 24 ` +
        `(package.json "engines"); CI provisions Node 24 with .ci/provision-node.`,
    );
  }
  return supported;
}
