// Finding a Chromium to print PDFs with, per platform, against a made-up file system.
import { describe, expect, it } from 'vitest';
import { ChromiumNotFound, findChromium } from '../../src/replay/chromium';

const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, and says so when it points nowhere', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/my chrome/chrome' }, 'linux', only('/opt/my chrome/chrome', '/usr/bin/chromium'))).toBe('/opt/my chrome/chrome');
    expect(() => findChromium({ CHROMIUM_PATH: '/nope' }, 'linux', only('/usr/bin/chromium'))).toThrow(/CHROMIUM_PATH=\/nope does not exist/);
  });

  it('looks where each platform installs Chrome, Chromium or Edge', () => {
    expect(findChromium({}, 'linux', only('/usr/bin/google-chrome'))).toBe('/usr/bin/google-chrome');
    expect(findChromium({ HOME: '/Users/ana' }, 'darwin', only('/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium'))).toBe('/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium');
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findChromium({ PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, 'win32', only(edge))).toBe(edge);
  });

  it('names what to install, in one line, when nothing is there', () => {
    for (const [platform, hint] of [['linux', /apt install chromium/], ['darwin', /Google Chrome or Chromium/], ['win32', /Chrome or Microsoft Edge/]] as const) {
      let error: unknown;
      try {
        findChromium({}, platform, () => false);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ChromiumNotFound);
      expect((error as Error).message).toMatch(hint);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
