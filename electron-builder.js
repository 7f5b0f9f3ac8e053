// Packaging (`npm run package`): installers for Windows (NSIS), macOS (dmg) and Linux
// (AppImage, deb). The code is the electron-vite build in out/ (main bundles everything it
// imports, so no node_modules ship); data the app reads at run time sits beside app.asar
// in resources/ (see src/main/resources.ts, which must agree with extraResources here).

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'org.supernodestorm.game',
  productName: 'Supernode Storm',
  executableName: 'supernode-storm',
  copyright: 'Supernode Storm contributors',
  directories: { buildResources: 'build', output: 'dist' },
  files: ['out/**/*', 'package.json', '!node_modules/**/*'],
  asar: true,
  npmRebuild: false, // no native modules; @electron/rebuild 4 also wants Node 22
  extraResources: [
    { from: 'drills', to: 'drills', filter: ['*.json'] },
    { from: 'src/sim/scenarios', to: 'scenarios', filter: ['*.json'] },
    { from: 'README.md', to: 'README.md' },
    { from: 'build/icons', to: 'icons', filter: ['*.png'] },
  ],
  // Double-click / "Open with" a replay: macOS sends open-file, Windows and Linux pass argv.
  fileAssociations: [
    {
      ext: 'skyreplay',
      name: 'Supernode Storm replay',
      description: 'A Supernode Storm game: scenario, seed and every command, replayable',
      mimeType: 'application/x-supernode-storm-replay',
      icon: 'skyreplay', // build/skyreplay.icns (macOS), build/skyreplay.ico (Windows)
      role: 'Viewer',
      rank: 'Owner',
    },
  ],
  // Electron fuses: flipped on the packed binary before signing.
  afterPack: './build/after-pack.cjs',
  win: { target: [{ target: 'nsis', arch: ['x64'] }], icon: 'build/icon.ico' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, createDesktopShortcut: true },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    icon: 'build/icon.icns',
    category: 'public.app-category.simulation-games',
    hardenedRuntime: true,
    // Signing and notarisation need an Apple Developer ID: see the README's Packaging section.
    notarize: false,
  },
  dmg: { title: '${productName} ${version}' },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icons',
    category: 'Game',
    synopsis: 'Incident-training game: the December 2010 supernode collapse',
    maintainer: 'Supernode Storm contributors <supernode-storm@example.invalid>',
  },
};

export default config;
