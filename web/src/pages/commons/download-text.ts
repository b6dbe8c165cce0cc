import { downloadBase64 } from './download-file';

/** Saves text (a lens file) as a file in the browser's downloads, byte for byte as UTF-8. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and arguments are limited.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  downloadBase64(btoa(binary), fileName, type);
}
