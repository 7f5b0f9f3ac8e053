// Before the tests: the browser tests need Debian's Chromium. Say so in one clear line
// (and how to get it) rather than failing later with a stack trace.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);
const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (root && existsSync('/usr/bin/apt-get')) {
  console.log('tests: installing Debian chromium for the browser tests (apt-get install chromium)...');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: ['ignore', 'ignore', 'inherit'] });
    if (existsSync(path)) process.exit(0);
  } catch {
    /* fall through to the message */
  }
}
console.error(`tests: Chromium not found at ${path}. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH, then run the tests again.`);
process.exit(1);
