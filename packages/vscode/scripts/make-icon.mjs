//@ts-check
// Renders media/icon.svg to the 128×128 media/icon.png the marketplace needs,
// with the machine's Chromium (run by hand when the SVG changes; the PNG is committed).
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../scripts/chromium.mjs';

const media = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'media');
execFileSync(CHROMIUM, [
    ...CHROMIUM_ARGS, '--hide-scrollbars', '--default-background-color=00000000',
    '--window-size=128,128', `--screenshot=${path.join(media, 'icon.png')}`, `file://${path.join(media, 'icon.svg')}`
], { stdio: 'inherit' });
