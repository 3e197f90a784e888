/**
 * The WebAssembly memory the kernels work in, and an allocator for it. The memory has a fixed
 * size and never grows, because growing would detach every Float32Array view of it — and the
 * engine's tensors hold such views as their `data` (parameters, their optimizer state, pooled
 * gradient buffers: see `storage` in kernels.ts). A block is returned to the free list when the
 * view it was handed out as is garbage collected; a request the heap cannot meet gets null, and
 * the caller an ordinary Float32Array.
 */

/** Tried in turn: a 32-bit browser may refuse the first. Physical pages are taken only when used. */
const SIZES_MB = [64, 16, 4];
const ALIGN = 16;

export class WasmHeap {
  readonly memory: WebAssembly.Memory;
  /** The one float32 view of the whole memory (never detached: the memory never grows). */
  readonly floats: Float32Array;
  /** memory.buffer, kept: the getter is a slow call in Chromium, and the buffer never changes. */
  private readonly buffer: ArrayBuffer;
  /** Free blocks as [start, end) byte pairs, sorted by start, never adjacent. */
  private readonly free: number[];
  private freeTotal: number;
  /**
   * What `floatArray` leaves free for the kernels' scratch (operands copied in): a quarter of the
   * heap, so arrays that pile up before the collector returns them cannot starve the kernels.
   */
  private readonly reserve: number;
  private readonly registry = new FinalizationRegistry<[number, number]>(([at, bytes]) => this.release(at, bytes));

  constructor() {
    let memory: WebAssembly.Memory | null = null;
    for (const mb of SIZES_MB) {
      try {
        memory = new WebAssembly.Memory({ initial: mb * 16, maximum: mb * 16 });
        break;
      } catch {
        memory = null;
      }
    }
    if (memory === null) throw new Error('no WebAssembly memory could be reserved');
    this.memory = memory;
    this.buffer = memory.buffer;
    this.floats = new Float32Array(this.buffer);
    // Byte 0 is never handed out, so no block starts at a null pointer.
    this.free = [ALIGN, this.buffer.byteLength];
    this.freeTotal = this.buffer.byteLength - ALIGN;
    this.reserve = this.buffer.byteLength / 4;
  }

  get byteLength(): number {
    return this.buffer.byteLength;
  }

  /** Free bytes in all (for tests and the benchmark's notes). */
  freeBytes(): number {
    return this.freeTotal;
  }

  /** A block of at least `bytes` (rounded up to 16), first fit; -1 when none is large enough. */
  allocate(bytes: number): number {
    const size = blockSize(bytes);
    for (let i = 0; i < this.free.length; i += 2) {
      const start = this.free[i];
      if (this.free[i + 1] - start < size) continue;
      if (this.free[i + 1] - start === size) this.free.splice(i, 2);
      else this.free[i] = start + size;
      this.freeTotal -= size;
      return start;
    }
    return -1;
  }

  /** Gives a block back (its `bytes` as asked of `allocate`), merged with free neighbours. */
  release(at: number, bytes: number): void {
    const size = blockSize(bytes);
    const end = at + size;
    this.freeTotal += size;
    let i = 0;
    while (i < this.free.length && this.free[i] < at) i += 2;
    const joinsBefore = i > 0 && this.free[i - 1] === at;
    const joinsAfter = i < this.free.length && this.free[i] === end;
    if (joinsBefore && joinsAfter) {
      this.free[i - 1] = this.free[i + 1];
      this.free.splice(i, 2);
    } else if (joinsBefore) this.free[i - 1] = end;
    else if (joinsAfter) this.free[i] = at;
    else this.free.splice(i, 0, at, end);
  }

  /**
   * `length` zeroed floats in this memory, freed when the returned view is collected; null when
   * that would eat into the scratch reserve.
   */
  floatArray(length: number): Float32Array | null {
    if (this.freeTotal - length * 4 < this.reserve) return null;
    const at = this.allocate(length * 4);
    if (at < 0) return null;
    const view = new Float32Array(this.buffer, at, length);
    view.fill(0);
    this.registry.register(view, [at, length * 4]);
    return view;
  }

  /** The byte address of `array[offset]` when the array lives in this memory, else -1. */
  addressOf(array: Float32Array, offset = 0): number {
    return array.buffer === this.buffer ? array.byteOffset + offset * 4 : -1;
  }
}

/** The bytes a request of `bytes` takes: a whole number of 16-byte units, at least one. */
function blockSize(bytes: number): number {
  return Math.max(ALIGN, Math.ceil(bytes / ALIGN) * ALIGN);
}
