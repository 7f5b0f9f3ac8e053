// The mute button and volume slider in the top bar.
import type { SoundBoard } from './sound-board';

export function bindAudioControls(sound: SoundBoard): { toggleMute: () => void } {
  const mute = document.getElementById('mute-button') as HTMLButtonElement;
  const slider = document.getElementById('volume-slider') as HTMLInputElement;
  const render = () => {
    mute.setAttribute('aria-pressed', String(sound.settings.muted));
    mute.title = sound.settings.muted ? 'Unmute (K)' : 'Mute (K)';
    slider.value = String(Math.round(sound.settings.volume * 100));
  };
  const toggleMute = () => {
    sound.settings.setMuted(!sound.settings.muted);
    render();
  };
  mute.addEventListener('click', toggleMute);
  slider.addEventListener('input', () => sound.settings.setVolume(Number(slider.value) / 100));
  // The settings screen changes the volume too: keep the slider with it.
  const before = sound.settings.onChange;
  sound.settings.onChange = () => {
    before();
    render();
  };
  render();
  return { toggleMute };
}
