import { createHash } from 'node:crypto';

/**
 * An endless, reproducible stream of numbers drawn from a seed: the first block is SHA-256 of the
 * seed, each next block the SHA-256 of the one before. The same seed always yields the same choices,
 * so a test can know in advance what an agency will answer.
 */
export class DigestStream {
  private block: Buffer;
  private position = 0;

  constructor(seed: string) {
    this.block = createHash('sha256').update(seed, 'utf8').digest();
  }

  /** 32 bits from the stream. */
  uint32(): number {
    if (this.position + 4 > this.block.length) {
      this.block = createHash('sha256').update(this.block).digest();
      this.position = 0;
    }
    const value = this.block.readUInt32BE(this.position);
    this.position += 4;
    return value;
  }

  /** A fraction in [0, 1). */
  fraction(): number {
    return this.uint32() / 2 ** 32;
  }

  chance(probability: number): boolean {
    return this.fraction() < probability;
  }

  /** A whole number from min to max, both included. */
  between(min: number, max: number): number {
    return min + Math.floor(this.fraction() * (max - min + 1));
  }

  pick<T>(choices: readonly T[]): T {
    const choice = choices[this.between(0, choices.length - 1)];
    if (choice === undefined) throw new RangeError('nothing to pick from');
    return choice;
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.between(0, 9));
    return out;
  }

  characters(alphabet: string, count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += alphabet[this.between(0, alphabet.length - 1)];
    return out;
  }
}
