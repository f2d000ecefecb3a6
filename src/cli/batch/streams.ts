/** Promise-shaped writes to a file stream, for the batch's streamed summaries. */
import type { WriteStream } from 'node:fs';

/**
 * One write to a stream, settled by its own callback: a stream that failed earlier (disk full)
 * rejects at once instead of waiting for a 'drain' that never comes.
 */
export function writeTo(stream: WriteStream, text: string | Uint8Array): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (stream.errored || stream.destroyed) {
      reject(stream.errored ?? Object.assign(new Error('stream closed'), { code: 'EIO' }));
      return;
    }
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

export function endStream(stream: WriteStream): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (stream.errored || stream.destroyed) {
      reject(stream.errored ?? Object.assign(new Error('stream closed'), { code: 'EIO' }));
      return;
    }
    stream.end((error?: Error | null) => (error ? reject(error) : resolve()));
  });
}
