import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface FileLine {
  text: string;
  /** 1-based. */
  number: number;
  /** False only for a last line without its newline: a torn or truncated write. */
  terminated: boolean;
}

/** Streams the lines of a file, telling whether the last one was cut short. */
export async function* readLines(path: string, start = 0): AsyncGenerator<FileLine> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let number = 0;
  for await (const chunk of createReadStream(path, { start, highWaterMark: 1 << 20 })) {
    rest += decoder.write(chunk as Buffer);
    let at = rest.indexOf('\n');
    let from = 0;
    while (at !== -1) {
      number += 1;
      yield { text: rest.slice(from, at), number, terminated: true };
      from = at + 1;
      at = rest.indexOf('\n', from);
    }
    rest = rest.slice(from);
  }
  rest += decoder.end();
  if (rest.length > 0) yield { text: rest, number: number + 1, terminated: false };
}
