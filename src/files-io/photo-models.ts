/**
 * The photo models (face detector with mesh and head pose, person segmentation), loaded once per
 * process on first use and only when a photo is checked or fixed. They come from optional npm
 * packages (`@vladmandic/human` on tfjs' WebAssembly backend) plus the MediaPipe selfie model in
 * assets/models; nothing is downloaded. When the packages are absent the state says so and the
 * callers fall back to the pixel heuristics. See NOTICE for the models and their licences.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGate } from './gate.js';

/** One face as the detector saw it, in pixels of the analysed image; angles in degrees. */
export interface DetectedFace {
  score: number;
  /** The face detector's own confidence (BlazeFace), before the mesh: low for a face upside down. */
  detectorScore: number;
  /** Extent of the 468-point mesh: brow to chin, cheek to cheek. */
  mesh: { left: number; top: number; right: number; bottom: number };
  yaw: number;
  pitch: number;
  roll: number;
  /** The 468 mesh points, in pixels of the analysed image. */
  points: [number, number][];
}

export interface PhotoModels {
  /** Faces in an RGB image (3 bytes per pixel), at most `max`. */
  detectFaces(rgb: Uint8Array, width: number, height: number, max: number): Promise<DetectedFace[]>;
  /** Person matte, one value 0–1 per pixel, same size as the input. */
  segment(rgb: Uint8Array, width: number, height: number): Promise<Float32Array>;
  /** Bytes of the models' WebAssembly memory, which grows to the largest work it was given and never shrinks. */
  memoryBytes(): number;
}

export type ModelsState =
  | { ok: true; models: PhotoModels }
  | { ok: false; reason: 'missing' | 'disabled' | 'failed'; detail: string };

let enabled = true;
let state: Promise<ModelsState> | undefined;

/** The shell turns the models off (SHEGONG_ML=off) to get the heuristic path; tests use it too. */
export function setPhotoModelsEnabled(on: boolean): void {
  enabled = on;
  state = undefined;
}

/** The models, loaded at most once per process (a batch of 100 photos shares them). */
export function loadPhotoModels(): Promise<ModelsState> {
  if (!enabled) return Promise.resolve({ ok: false, reason: 'disabled', detail: 'SHEGONG_ML=off' });
  state ??= load().catch((error: unknown): ModelsState => {
    const code = (error as NodeJS.ErrnoException)?.code;
    const detail = String((error as Error)?.message ?? error)
      .split('\n')[0]!
      .slice(0, 200);
    return { ok: false, reason: code === 'MODULE_NOT_FOUND' ? 'missing' : 'failed', detail };
  });
  return state;
}

/** Human's options: only what the checks use (face box, mesh, pose; selfie segmentation). */
function config(humanDir: string, wasmDir: string, selfie: string) {
  return {
    backend: 'wasm',
    wasmPath: `${wasmDir}${path.sep}`,
    modelBasePath: `file://${humanDir}/models/`,
    debug: false,
    async: true,
    warmup: 'none',
    cacheSensitivity: 0,
    filter: { enabled: false },
    face: {
      enabled: true,
      // Rotation on: a tilted head is still found, and its roll measured.
      detector: { rotation: true, maxDetected: 3, minConfidence: 0.4, return: false },
      mesh: { enabled: true },
      iris: { enabled: false },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false, modelPath: `file://${selfie}` },
  };
}

interface TensorLike {
  dispose(): void;
  shape: number[];
  data(): Promise<Float32Array | Int32Array | Uint8Array>;
}
interface TensorInfoLike {
  dataId: object;
  shape: number[];
  dtype: string;
}
interface KernelLike {
  kernelFunc(args: { inputs: object; backend: object; attrs?: object }): unknown;
}
interface HumanLike {
  load(): Promise<void>;
  detect(
    input: TensorLike,
    config?: object,
  ): Promise<{
    face: {
      score: number;
      boxScore?: number;
      mesh: [number, number, number?][];
      rotation?: { angle: { roll: number; yaw: number; pitch: number } } | null;
    }[];
  }>;
  segmentation(input: TensorLike, config?: object): Promise<TensorLike | null>;
  tf: {
    getKernel(name: string, backend: string): KernelLike | undefined;
    unregisterKernel(name: string, backend: string): void;
    registerKernel(kernel: { kernelName: string; backendName: string } & KernelLike): void;
    tensor3d(data: Float32Array, shape: [number, number, number], dtype: 'float32'): TensorLike;
    tensor4d(data: Float32Array, shape: [number, number, number, number], dtype: 'float32'): TensorLike;
    setBackend?(name: string): Promise<boolean>;
    backend(): { wasm?: { HEAPU8?: Uint8Array } };
  };
}

/**
 * tfjs' WebAssembly backend copies a tensor for `clone()` (its Identity kernel), where the CPU
 * backend shares the data: tensors are immutable, and Reshape shares on this backend too. BlazeFace
 * in Human clones the detector's whole input before resizing it to 256², which put a second
 * 5.5 MB copy of an 800-px photo in the WebAssembly heap; that heap never shrinks.
 */
function shareIdentity(tf: HumanLike['tf']) {
  const copying = tf.getKernel('Identity', 'wasm');
  if (!copying) return;
  tf.unregisterKernel('Identity', 'wasm');
  tf.registerKernel({
    kernelName: 'Identity',
    backendName: 'wasm',
    kernelFunc: (args) => {
      const x = (args.inputs as { x: TensorInfoLike }).x;
      if (x.dtype === 'string') return copying.kernelFunc(args);
      (args.backend as { incRef(dataId: object): void }).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  });
}

/**
 * A model file as the part of a Response that tfjs' model loader reads (ok, json, arrayBuffer). A
 * real Response loads Node's whole fetch implementation (undici) first: 40-60 ms in a cold fix's
 * profile, and 3-4 MB resident (cold fix of a portrait, five interleaved runs: 174-181 against
 * 184-187 MB; the fixed copy byte-identical).
 */
function fileResponse(bytes: Buffer, url: string): Response {
  const text = () => bytes.toString('utf8');
  return {
    ok: true,
    status: 200,
    url,
    text: async () => text(),
    json: async () => JSON.parse(text()) as unknown,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  } as unknown as Response;
}

/** Node 20's fetch refuses file: URLs and Human loads its models through fetch: read those from disk. */
function allowFileFetch() {
  const original = globalThis.fetch;
  if ((original as { shegongFiles?: boolean }).shegongFiles) return;
  const patched = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith('file://')) return fileResponse(await readFile(fileURLToPath(url)), url);
    return original(input, init);
  }) as typeof fetch & { shegongFiles?: boolean };
  patched.shegongFiles = true;
  globalThis.fetch = patched;
}

async function load(): Promise<ModelsState> {
  const require = createRequire(import.meta.url);
  // Human's exports map hides its WebAssembly build; reach it through the resolved main file.
  const humanMain = require.resolve('@vladmandic/human');
  const humanDir = path.resolve(path.dirname(humanMain), '..');
  const wasmDir = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '..', 'dist');
  const selfie = fileURLToPath(new URL('../../assets/models/selfie.json', import.meta.url));
  allowFileFetch();
  const module = require(path.join(humanDir, 'dist', 'human.node-wasm.js')) as {
    Human?: new (c: object) => HumanLike;
    default?: new (c: object) => HumanLike;
  };
  const Human = module.Human ?? module.default!;
  const human = new Human(config(humanDir, wasmDir, selfie));
  await human.load();
  shareIdentity(human.tf);

  // Faces get an [h, w, 3] tensor: Human adds the batch axis as a reshape, where a [1, h, w, 3]
  // one was cloned first (a second copy of the detector's input before shareIdentity, 10 ms a
  // photo). Segmentation reads the batch axis itself: [1, h, w, 3].
  // The floats are made by the typed-array constructor, which converts in one native loop
  // (`Float32Array.from` walks an iterator: 2.5 against 0.4 ms for an 800×600 picture).
  const toImage = (rgb: Uint8Array, width: number, height: number) =>
    human.tf.tensor3d(new Float32Array(rgb), [height, width, 3], 'float32');
  const toTensor = (rgb: Uint8Array, width: number, height: number) =>
    human.tf.tensor4d(new Float32Array(rgb), [1, height, width, 3], 'float32');
  const degrees = (r: number | undefined) => Math.round((((r ?? 0) * 180) / Math.PI) * 10) / 10;

  // One call at a time: the WebAssembly backend runs on one thread anyway, Human keeps per-call
  // state, and overlapping calls from a batch's parallel applicants only stack their tensors up
  // (measured: 269 MB peak at 4 in flight against 237 MB at 1).
  const modelCalls = createGate();
  const serial = <T>(work: () => Promise<T>): Promise<T> => modelCalls.run(1, work);
  const calls = {
    async detectFaces(rgb: Uint8Array, width: number, height: number, max: number): Promise<DetectedFace[]> {
      const tensor = toImage(rgb, width, height);
      try {
        const result = await human.detect(tensor, { face: { detector: { maxDetected: max } } });
        return result.face.map((face) => {
          let left = Infinity;
          let top = Infinity;
          let right = -Infinity;
          let bottom = -Infinity;
          for (const [x, y] of face.mesh) {
            left = Math.min(left, x);
            right = Math.max(right, x);
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
          }
          const angle = face.rotation?.angle;
          return {
            score: Math.round(face.score * 100) / 100,
            detectorScore: Math.round((face.boxScore ?? face.score) * 100) / 100,
            mesh: { left, top, right, bottom },
            yaw: degrees(angle?.yaw),
            pitch: degrees(angle?.pitch),
            roll: degrees(angle?.roll),
            points: face.mesh.map(([x, y]) => [x, y] as [number, number]),
          };
        });
      } finally {
        tensor.dispose();
      }
    },
    async segment(rgb: Uint8Array, width: number, height: number): Promise<Float32Array> {
      const tensor = toTensor(rgb, width, height);
      try {
        // 'alpha': the matte alone (the default mode concatenates it to the input: 80 ms and 4× the output).
        const options = { segmentation: { enabled: true, mode: 'alpha' } };
        const out = await human.segmentation(tensor, options);
        if (!out) throw new Error('segmentation returned nothing');
        try {
          const [, h, w, c] = out.shape.length === 4 ? out.shape : [1, ...out.shape];
          const data = await out.data();
          const alpha = new Float32Array(width * height);
          // The matte comes back at the input size; if not, sample it nearest-neighbour.
          for (let y = 0; y < height; y += 1) {
            const sy = Math.min(h! - 1, Math.floor((y * h!) / height));
            for (let x = 0; x < width; x += 1) {
              const sx = Math.min(w! - 1, Math.floor((x * w!) / width));
              const v = data[(sy * w! + sx) * c! + (c! - 1)]!;
              // Human gives the matte as whole numbers 0-255 ('alpha' mode casts it to int32).
              alpha[y * width + x] = v / 255;
            }
          }
          return alpha;
        } finally {
          out.dispose();
        }
      } finally {
        tensor.dispose();
      }
    },
  };
  const models: PhotoModels = {
    detectFaces: (rgb, width, height, max) => serial(() => calls.detectFaces(rgb, width, height, max)),
    segment: (rgb, width, height) => serial(() => calls.segment(rgb, width, height)),
    memoryBytes: () => human.tf.backend().wasm?.HEAPU8?.byteLength ?? 0,
  };
  return { ok: true, models };
}
