// electron-builder afterPack hook: flips Electron's fuses on the packed binary (before any
// signing, which must cover the flipped bytes). What each fuse shuts:
//   RunAsNode off              ELECTRON_RUN_AS_NODE cannot turn the app into a plain node
//   cookie encryption on       cookies at rest are encrypted with the OS keychain
//   NODE_OPTIONS off           no code injection through the environment
//   inspect arguments off      no --inspect debugger on a trainee's machine
//   asar integrity on          macOS/Windows refuse a tampered app.asar
//   only load app from asar    no loose app/ folder takes precedence
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

/** The Electron binary electron-builder just packed, per platform. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName);
}

async function afterPack(context) {
  const binary = electronBinary(context);
  // Apple-silicon binaries lose their ad-hoc signature when flipped; re-sign ad hoc so an unsigned build still runs.
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === 3; // Arch.arm64
  await flipFuses(binary, { ...FUSES, resetAdHocDarwinSignature });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.electronBinary = electronBinary;
