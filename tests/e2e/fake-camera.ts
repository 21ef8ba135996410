import { writeFileSync } from 'node:fs';
import { chromium, type Browser, type TestInfo } from '@playwright/test';
import { PNG } from 'pngjs';

// A camera for the tests: Chromium plays a Y4M file as its only camera (--use-file-for-fake-video-capture) and grants
// it without asking (--use-fake-ui-for-media-stream). The file shows one picture, such as a screenshot of a QR code,
// in the middle of a white 640×480 frame, as a phone held over a card would see it.
const WIDTH = 640;
const HEIGHT = 480;

// Y4M, 4:2:0: a header, then per frame the luma plane and two quarter-size chroma planes (grey: 128).
export function y4mShowing(png: Buffer, frames = 5): Buffer {
  const image = PNG.sync.read(png);
  if (image.width > WIDTH || image.height > HEIGHT) throw new Error(`picture ${image.width}×${image.height} is larger than the frame`);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 255);
  const left = Math.floor((WIDTH - image.width) / 2);
  const top = Math.floor((HEIGHT - image.height) / 2);
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
      luma[(top + y) * WIDTH + left + x] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    }
  }
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`), ...Array(frames).fill(frame)]);
}

// A browser (the project's own launch options) whose camera shows `png`. The caller closes it.
export async function browserWithCamera(testInfo: TestInfo, png: Buffer): Promise<Browser> {
  const video = testInfo.outputPath('camera.y4m');
  writeFileSync(video, y4mShowing(png));
  const options = testInfo.project.use.launchOptions ?? {};
  return chromium.launch({
    ...options,
    args: [
      ...(options.args ?? []),
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
}
