/**
 * Draws LedgerMail's icons as PNG files in assets/ at the sizes the Office manifest schema asks for:
 * 16/32/80 px for ribbon buttons, 64/128 px for the add-in itself. Shapes are described in a unit square
 * and rasterised with 4×4 supersampling, so every size is drawn from the same geometry and the output is
 * byte-for-byte reproducible. Run with `npm run icons`.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

type Rgba = readonly [number, number, number, number];
type Shape =
  | { kind: 'roundRect'; x: number; y: number; w: number; h: number; r: number; color: Rgba }
  | { kind: 'circle'; cx: number; cy: number; r: number; color: Rgba }
  | { kind: 'stroke'; points: ReadonlyArray<readonly [number, number]>; width: number; color: Rgba };

const BLUE: Rgba = [15, 108, 189, 255];
const DARK: Rgba = [36, 36, 36, 255];
const PAPER: Rgba = [255, 255, 255, 255];
const RED: Rgba = [196, 43, 28, 255];
const GOLD: Rgba = [234, 163, 0, 255];
const GREY: Rgba = [97, 97, 97, 255];

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function covers(shape: Shape, x: number, y: number): boolean {
  switch (shape.kind) {
    case 'roundRect': {
      const qx = Math.max(Math.abs(x - (shape.x + shape.w / 2)) - (shape.w / 2 - shape.r), 0);
      const qy = Math.max(Math.abs(y - (shape.y + shape.h / 2)) - (shape.h / 2 - shape.r), 0);
      return Math.hypot(qx, qy) <= shape.r;
    }
    case 'circle':
      return Math.hypot(x - shape.cx, y - shape.cy) <= shape.r;
    case 'stroke':
      for (let i = 1; i < shape.points.length; i++) {
        const [ax, ay] = shape.points[i - 1]!;
        const [bx, by] = shape.points[i]!;
        if (segmentDistance(x, y, ax, ay, bx, by) <= shape.width / 2) return true;
      }
      return false;
  }
}

function render(shapes: readonly Shape[], size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          // Painter's algorithm per sample: the last shape that covers the point wins.
          let color: Rgba | undefined;
          for (const shape of shapes) if (covers(shape, x, y)) color = shape.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += color[3];
          }
        }
      }
      const n = samples * samples;
      const offset = (py * size + px) * 4;
      const alpha = a / n;
      // Store straight (non-premultiplied) colour, as PNG requires.
      const scale = a === 0 ? 0 : 255 / a;
      png.data[offset] = Math.round(r * scale);
      png.data[offset + 1] = Math.round(g * scale);
      png.data[offset + 2] = Math.round(b * scale);
      png.data[offset + 3] = Math.round(alpha);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

function envelope(x: number, y: number, w: number, h: number, line: number, fill: Rgba, ink: Rgba): Shape[] {
  return [
    { kind: 'roundRect', x, y, w, h, r: line, color: ink },
    { kind: 'roundRect', x: x + line, y: y + line, w: w - 2 * line, h: h - 2 * line, r: line / 2, color: fill },
    {
      kind: 'stroke',
      points: [
        [x + line, y + line * 1.2],
        [x + w / 2, y + h * 0.55],
        [x + w - line, y + line * 1.2],
      ],
      width: line,
      color: ink,
    },
  ];
}

const document: Shape[] = [
  { kind: 'roundRect', x: 0.16, y: 0.06, w: 0.68, h: 0.88, r: 0.06, color: DARK },
  { kind: 'roundRect', x: 0.23, y: 0.13, w: 0.54, h: 0.74, r: 0.03, color: PAPER },
  {
    kind: 'stroke',
    points: [
      [0.33, 0.3],
      [0.67, 0.3],
    ],
    width: 0.07,
    color: BLUE,
  },
  {
    kind: 'stroke',
    points: [
      [0.33, 0.46],
      [0.67, 0.46],
    ],
    width: 0.07,
    color: GREY,
  },
  {
    kind: 'stroke',
    points: [
      [0.33, 0.62],
      [0.55, 0.62],
    ],
    width: 0.07,
    color: GREY,
  },
  { kind: 'roundRect', x: 0.5, y: 0.68, w: 0.2, h: 0.12, r: 0.02, color: DARK },
];

/** The envelope with a round badge at its lower right, marked with what the command does to the message. */
const badged = (color: Rgba, marks: Shape[]): Shape[] => [
  ...envelope(0.04, 0.16, 0.76, 0.56, 0.07, PAPER, DARK),
  { kind: 'circle', cx: 0.7, cy: 0.7, r: 0.27, color: PAPER },
  { kind: 'circle', cx: 0.7, cy: 0.7, r: 0.23, color },
  ...marks,
];

const registered: Shape[] = badged(RED, [
  {
    kind: 'stroke',
    points: [
      [0.59, 0.7],
      [0.67, 0.79],
      [0.81, 0.61],
    ],
    width: 0.07,
    color: PAPER,
  },
]);

const confidential: Shape[] = [
  ...envelope(0.04, 0.16, 0.76, 0.56, 0.07, PAPER, DARK),
  { kind: 'roundRect', x: 0.47, y: 0.46, w: 0.5, h: 0.5, r: 0.06, color: PAPER },
  {
    kind: 'stroke',
    points: [
      [0.61, 0.64],
      [0.61, 0.55],
      [0.66, 0.5],
      [0.78, 0.5],
      [0.83, 0.55],
      [0.83, 0.64],
    ],
    width: 0.065,
    color: DARK,
  },
  { kind: 'roundRect', x: 0.52, y: 0.62, w: 0.4, h: 0.32, r: 0.05, color: GOLD },
  { kind: 'circle', cx: 0.72, cy: 0.76, r: 0.045, color: DARK },
];

/** Personal: the envelope with a person, whom the recipient must be (registered with IncaMail). */
const personal: Shape[] = badged(BLUE, [
  { kind: 'circle', cx: 0.7, cy: 0.63, r: 0.07, color: PAPER },
  { kind: 'roundRect', x: 0.58, y: 0.72, w: 0.24, h: 0.12, r: 0.05, color: PAPER },
]);

/** Remove IncaMail marking: the envelope with a grey cross, the marking taken off. */
const unmark: Shape[] = badged(GREY, [
  {
    kind: 'stroke',
    points: [
      [0.61, 0.61],
      [0.79, 0.79],
    ],
    width: 0.07,
    color: PAPER,
  },
  {
    kind: 'stroke',
    points: [
      [0.79, 0.61],
      [0.61, 0.79],
    ],
    width: 0.07,
    color: PAPER,
  },
]);

const addin: Shape[] = [
  { kind: 'roundRect', x: 0.02, y: 0.02, w: 0.96, h: 0.96, r: 0.18, color: BLUE },
  ...envelope(0.16, 0.26, 0.62, 0.46, 0.05, PAPER, BLUE),
  { kind: 'circle', cx: 0.74, cy: 0.7, r: 0.19, color: BLUE },
  { kind: 'circle', cx: 0.74, cy: 0.7, r: 0.15, color: RED },
  {
    kind: 'stroke',
    points: [
      [0.67, 0.7],
      [0.72, 0.76],
      [0.81, 0.64],
    ],
    width: 0.05,
    color: PAPER,
  },
];

export const ICONS: ReadonlyArray<{ name: string; shapes: readonly Shape[]; sizes: readonly number[] }> = [
  { name: 'icon', shapes: addin, sizes: [16, 32, 64, 80, 128] },
  { name: 'invoices', shapes: document, sizes: [16, 32, 80] },
  { name: 'registered', shapes: registered, sizes: [16, 32, 80] },
  { name: 'confidential', shapes: confidential, sizes: [16, 32, 80] },
  { name: 'personal', shapes: personal, sizes: [16, 32, 80] },
  { name: 'unmark', shapes: unmark, sizes: [16, 32, 80] },
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = fileURLToPath(new URL('../assets/', import.meta.url));
  mkdirSync(folder, { recursive: true });
  for (const icon of ICONS) {
    for (const size of icon.sizes) {
      writeFileSync(`${folder}${icon.name}-${size}.png`, render(icon.shapes, size));
    }
  }
  console.log(`Icons written to ${folder}`);
}
