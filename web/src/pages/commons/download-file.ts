/** Saves bytes the API sent as base64 (a report PDF) as a file in the browser's downloads. */
export function downloadBase64(base64: string, fileName: string, type = 'application/pdf'): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name from free text (a workload or milestone name), safe on every file system. */
export const fileNameOf = (...parts: string[]) =>
  parts
    .join(' ')
    .replace(/[^A-Za-z0-9._ -]+/g, '')
    .trim()
    .replace(/\s+/g, '-') || 'report';
