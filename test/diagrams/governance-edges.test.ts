import * as assert from 'node:assert/strict';
import { renderViews } from '@entente/diagrams';
import { exampleWorkspace } from '../helpers/examples.js';
import { checkWorkspace, clearDocuments, createTestServices } from '../helpers/workspace.js';

const services = createTestServices();

interface Box { id: string; kind: string; x: number; y: number; width: number; height: number }
interface Edge { id: string; kind: string; source: string; target: string; points: Array<[number, number]> }

/** The map's boxes (parties, roles, bodies, decisions) and its edges' polylines, as the SVG draws them. */
function geometry(svg: string): { boxes: Box[]; edges: Edge[] } {
    const boxes = [...svg.matchAll(/<g data-element="([^"]+)"(?: data-kind="([^"]+)")?[^>]*>(?:<title>[^<]*<\/title>)?<rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)"/g)]
        .map(match => ({ id: match[1], kind: match[2] ?? 'party', x: Number(match[3]), y: Number(match[4]), width: Number(match[5]), height: Number(match[6]) }));
    const edges = [...svg.matchAll(/data-edge="(member|decides):([^"→]+)→([^"]+)" d="([^"]+)"/g)].map(match => ({
        id: `${match[1]}:${match[2]}→${match[3]}`, kind: match[1], source: match[2], target: match[3],
        points: [...match[4].matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((point): [number, number] => [Number(point[1]), Number(point[2])])
    }));
    return { boxes, edges };
}

/** Edges that pass through a box other than their ends (the source's party box aside: a role's edge leaves through it). */
function edgesThroughBoxes({ boxes, edges }: ReturnType<typeof geometry>): string[] {
    const found: string[] = [];
    for (const edge of edges) {
        const party = edge.source.split('.')[0];
        for (const box of boxes.filter(box => ![edge.source, edge.target, party].includes(box.id))) {
            const crosses = edge.points.slice(1).some(([x2, y2], i) => {
                const [x1, y1] = edge.points[i];
                // Sampled along the segment, one pixel inside the box.
                return Array.from({ length: 51 }, (_, step) => step / 50).some(t => {
                    const x = x1 + (x2 - x1) * t;
                    const y = y1 + (y2 - y1) * t;
                    return x > box.x + 1 && x < box.x + box.width - 1 && y > box.y + 1 && y < box.y + box.height - 1;
                });
            });
            if (crosses) {
                found.push(`${edge.id} crosses ${box.id}`);
            }
        }
    }
    return found;
}

/** Pairs of a solid edge and a dashed one drawn along each other for more than a few pixels: one hides the other. */
function solidOverDashed({ edges }: ReturnType<typeof geometry>): string[] {
    const segments = edges.flatMap(edge => edge.points.slice(1).map((end, i) => ({ edge, start: edge.points[i], end })));
    const found = new Set<string>();
    for (const a of segments.filter(segment => segment.edge.kind === 'member')) {
        for (const b of segments.filter(segment => segment.edge.kind === 'decides')) {
            for (const axis of [0, 1] as const) {
                const other = 1 - axis;
                // Both along one line (same x for vertical runs, same y for horizontal ones) …
                if (a.start[axis] !== a.end[axis] || b.start[axis] !== b.end[axis] || Math.abs(a.start[axis] - b.start[axis]) > 0.5) {
                    continue;
                }
                // … and overlapping along it.
                const from = Math.max(Math.min(a.start[other], a.end[other]), Math.min(b.start[other], b.end[other]));
                const to = Math.min(Math.max(a.start[other], a.end[other]), Math.max(b.start[other], b.end[other]));
                if (to - from > 2) {
                    found.add(`${a.edge.id} and ${b.edge.id}`);
                }
            }
        }
    }
    return [...found];
}

describe('the governance map\'s edges', function () {
    this.timeout(60_000);
    afterEach(() => clearDocuments(services));

    it('leave a role that sits on a body and decides from two ports: its dashed edges are not drawn along its solid ones', async () => {
        const checked = await checkWorkspace(services, {
            'deal.charter': `party Acme { role Chief role Marketing }
party Globex { role Lead }
charter Deal {
    parties Acme, Globex
    body Board { members Acme.Chief, Globex.Lead votes by unanimity }
    decision Rules { decided by Acme }
    decision Price { decided by Acme.Chief }
    decision Campaigns { decided by Acme.Marketing }
    decision Review { decided by Board }
}
`
        });
        const charter = Object.values(checked).find(entry => entry.model.charters.length > 0)!.model.charters[0];
        const map = geometry((await renderViews({ charter })).governance);
        const start = (id: string) => map.edges.find(edge => edge.id === id)!.points[0];
        // Acme.Chief's seat on Board and its decision of Price leave from two points of its border, one above the other.
        const seat = start('member:Acme.Chief→Deal.Board');
        const decides = start('decides:Acme.Chief→Deal.Price');
        assert.equal(seat[0], decides[0]);
        assert.ok(seat[1] < decides[1], `the seat's edge (${seat}) above the decision's (${decides})`);
        // A role with one kind of edge keeps one port, in its middle.
        const marketing = map.boxes.find(box => box.id === 'Acme.Marketing')!;
        assert.ok(Math.abs(start('decides:Acme.Marketing→Deal.Campaigns')[1] - (marketing.y + marketing.height / 2)) < 0.1);
        assert.deepEqual(solidOverDashed(map), []);
        assert.deepEqual(edgesThroughBoxes(map), []);
    });

    it('of every example cross no box but their ends, and no dashed edge runs along a solid one', async () => {
        const checked = await checkWorkspace(services, exampleWorkspace(), { today: '2026-11-22' });
        let maps = 0;
        for (const { model } of Object.values(checked)) {
            for (const charter of model.charters) {
                const map = geometry((await renderViews({ charter })).governance);
                assert.ok(map.edges.length > 0 && map.boxes.length > 0, charter.name);
                assert.deepEqual(edgesThroughBoxes(map), [], charter.name);
                assert.deepEqual(solidOverDashed(map), [], charter.name);
                maps++;
            }
        }
        assert.equal(maps, 6);
    });
});
