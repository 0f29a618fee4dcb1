import * as elkBundle from 'elkjs/lib/elk.bundled.js';
import type { ELK as ElkEngine, ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import type { CharterModel, DecisionModel, PrincipalRef } from '@entente/language';
import { el, escapeXml, labelWidth, PARTY_BORDER_STYLE, partyBorder, partyColor, svgDocument, text } from './svg.js';
import { decisionConcerns, elementId, type LayoutMemory, type RenderInput } from './types.js';

const NODE_HEIGHT = 44;
const ROLE_HEIGHT = 28;
const ROLE_GAP = 20;
const PADDING = 16;
/** A party box's title band: its roles start below it. */
const PARTY_HEADER = PADDING + 18;
/** A party box without roles; its own port (for decisions it decides) sits halfway down this height. */
const PARTY_HEIGHT = 40;
/** Wider than this, a body's seats by party are summed up in its box. */
const BODY_DETAIL_WIDTH = 420;

interface NodeInfo {
    id: string;
    kind: 'party' | 'role' | 'body' | 'decision' | 'decisions';
    label: string;
    detail?: string;
    party?: string;
    fullTitle: string;
    /** A box of decisions taken by the same deciders (a large map): each decision, its detail, its place in the box. */
    decisions?: Array<{ decision: DecisionModel; id: string; detail: string; fullTitle: string; column: number; row: number }>;
    /** The widths of the box's columns of decision names. */
    columns?: number[];
}

/**
 * In a map of more than LARGE_GRAPH_NODES elements, the decisions taken by the same deciders, when
 * there are at least this many, are drawn as one box listing their names (in the charter's order,
 * down columns of GROUP_ROWS or more) with one arrow from each decider: 200 decisions make a map a
 * reader can take in, not a column of 200 boxes 8,000 px tall in no particular order.
 */
const GROUP_MIN_DECISIONS = 5;
const GROUP_ROWS = 12;
const GROUP_ROW_HEIGHT = 18;
const GROUP_HEADER = 58;

// elkjs is CommonJS: its constructor is the module itself under Node's ESM loader and `default` under bundlers.
const ElkConstructor = ((elkBundle as unknown as { default?: unknown }).default ?? elkBundle) as new () => ElkEngine;

/** Above this many nodes, ELK trades some crossing minimisation for speed (see `layoutOptionsFor`). */
const LARGE_GRAPH_NODES = 60;

let engine: ElkEngine | undefined;
let lastLayout: { key: string; result: ElkNode } | undefined;

/**
 * The layered layout ELK computes. One engine serves every call (starting one
 * costs more than laying out a small charter; the random seed is fixed, so runs
 * stay deterministic), and the last layout is kept: while someone types in a
 * title, a commitment or a metric, the preview redraws without laying the map
 * out again.
 */
async function layout(graph: ElkNode): Promise<ElkNode> {
    const key = JSON.stringify(graph);
    if (lastLayout?.key === key) {
        return structuredClone(lastLayout.result);
    }
    engine ??= new ElkConstructor();
    const result = await engine.layout(graph);
    lastLayout = { key, result: structuredClone(result) };
    return result;
}

/**
 * ELK's layered algorithm, left to right, orthogonal edges. Small maps keep the
 * source order of elements and minimise crossings thoroughly; a large map
 * (a preview of 200 elements must redraw within 100 ms) uses ELK's quickest
 * crossing minimisation, lets it reorder nodes freely, and places the nodes
 * of a layer simply (centred, not aligned to straighten edges): a quarter of
 * the layout time, and a more compact map.
 */
function layoutOptionsFor(nodes: number): Record<string, string> {
    const common = {
        'elk.algorithm': 'layered',
        'elk.direction': 'RIGHT',
        'elk.layered.spacing.nodeNodeBetweenLayers': '60',
        'elk.spacing.nodeNode': '18',
        'elk.edgeRouting': 'ORTHOGONAL',
        'elk.randomSeed': '1'
    };
    return nodes > LARGE_GRAPH_NODES
        ? { ...common, 'elk.edgeRouting': 'POLYLINE', 'elk.layered.thoroughness': '1', 'elk.layered.crossingMinimization.greedySwitch.type': 'OFF', 'elk.layered.nodePlacement.strategy': 'SIMPLE' }
        : {
            ...common,
            'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
            // Each column keeps the charter's order (parties as listed, then bodies, then decisions): an edit that
            // keeps the map's shape (a decider or a member added) moves no node past another (issue #20).
            'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
            // One layout for the whole map: separate components are packed anew after each edit otherwise.
            'elk.separateConnectedComponents': 'false'
        };
}

/**
 * Options that lay a map out from where its nodes are given: columns by x, order and height in a
 * column by y (ELK's interactive strategies). A long edge's bends in a column it crosses may sit
 * closer to the nodes than in a fresh layout, so that they fit between the nodes where they are.
 */
const KEEP_PLACES = {
    'elk.layered.cycleBreaking.strategy': 'INTERACTIVE',
    'elk.layered.layering.strategy': 'INTERACTIVE',
    'elk.layered.crossingMinimization.strategy': 'INTERACTIVE',
    'elk.layered.nodePlacement.strategy': 'INTERACTIVE',
    'elk.layered.interactiveReferencePoint': 'TOP_LEFT',
    'elk.spacing.edgeNode': '4',
    'elk.spacing.edgeEdge': '4'
};
/** How far apart the columns are given to ELK when it keeps places: wider than any node, so no two columns merge. */
const COLUMN_STRIDE = 100_000;
/** The vertical gap between nodes of a column (elk.spacing.nodeNode). */
const NODE_GAP = 18;
/** The least room between two columns for each vertical run of edges there, when columns are kept where they were. */
const EDGE_RUN_ROOM = 5;

/** A laid-out map's columns: nodes whose horizontal extents overlap share one (as ELK's layers do). */
function columnsOf(nodes: ElkNode[]): { columnOf: Map<string, number>; extents: Array<{ left: number; right: number }> } {
    const sorted = [...nodes].sort((a, b) => (a.x ?? 0) - (b.x ?? 0));
    const columnOf = new Map<string, number>();
    const extents: Array<{ left: number; right: number }> = [];
    for (const node of sorted) {
        const left = node.x ?? 0;
        const right = left + Math.max(1, node.width ?? 0);
        const last = extents[extents.length - 1];
        if (last && left < last.right) {
            last.right = Math.max(last.right, right);
        } else {
            extents.push({ left, right });
        }
        columnOf.set(node.id, extents.length - 1);
    }
    return { columnOf, extents };
}

/**
 * Moves each column of a laid-out map back to where it was (`lefts`, by column), or as near as
 * the columns before it and the edges between allow: every x of the drawing (nodes, edges' points)
 * is mapped piecewise linearly, each column shifted whole and each gap between two columns
 * stretched or squeezed, so orthogonal edges stay orthogonal. Returns the columns' new lefts.
 */
function keepColumns(graph: ElkNode, extents: Array<{ left: number; right: number }>, lefts: number[]): number[] {
    const edges = (graph.edges ?? []) as ElkExtendedEdge[];
    const points = edges.flatMap(edge => (edge.sections ?? []).flatMap(section => [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]));
    const targets: number[] = [];
    extents.forEach((extent, index) => {
        if (index === 0) {
            targets.push(lefts[0] ?? extent.left);
            return;
        }
        const before = extents[index - 1];
        const shiftBefore = targets[index - 1] - before.left;
        // Room for the edges' vertical runs between the two columns.
        const runs = new Set(points.filter(point => point.x > before.right + 0.5 && point.x < extent.left - 0.5).map(point => Math.round(point.x * 10))).size;
        const least = before.right + shiftBefore + Math.max(2 * EDGE_RUN_ROOM, (runs + 1) * EDGE_RUN_ROOM);
        targets.push(Math.max(lefts[index] ?? extent.left + shiftBefore, least));
    });
    const map = (x: number): number => {
        for (let index = 0; index < extents.length; index++) {
            const extent = extents[index];
            const shift = targets[index] - extent.left;
            if (x <= extent.right + 0.5) {
                if (x >= extent.left - 0.5 || index === 0) {
                    return x + shift;
                }
                // In the gap before this column: between the previous column's right and this one's left.
                const before = extents[index - 1];
                const from = before.right + targets[index - 1] - before.left;
                const to = extent.left + shift;
                return from + (x - before.right) * (to - from) / (extent.left - before.right);
            }
        }
        const last = extents[extents.length - 1];
        return x + (targets[extents.length - 1] - last.left);
    };
    for (const node of graph.children ?? []) {
        node.x = map(node.x ?? 0);
    }
    for (const point of points) {
        point.x = map(point.x);
    }
    if (graph.width !== undefined && extents.length > 0) {
        const last = extents[extents.length - 1];
        graph.width = map(last.right) + (graph.width - last.right);
    }
    return targets;
}

/**
 * Moves each node known to `known` back to its remembered left within its column (ELK may set a
 * node a few pixels off in its column after an edit elsewhere), when it stays inside the column;
 * the edges that end or start at its sides move their end with it (their last or first run is
 * horizontal, so they stay orthogonal).
 */
function keepNodesInColumns(graph: ElkNode, known: Map<string, { x?: number }>, portOwner: Map<string, string>): void {
    const nodes = graph.children ?? [];
    const { columnOf, extents } = columnsOf(nodes);
    const shifts = new Map<string, number>();
    for (const node of nodes) {
        const remembered = known.get(node.id)?.x;
        const extent = extents[columnOf.get(node.id) ?? 0];
        const x = node.x ?? 0;
        if (remembered === undefined || Math.abs(remembered - x) < 0.01 || !extent
            || remembered < extent.left - 0.01 || remembered + (node.width ?? 0) > extent.right + 0.01) {
            continue;
        }
        shifts.set(node.id, remembered - x);
        node.x = remembered;
    }
    if (shifts.size === 0) {
        return;
    }
    for (const edge of (graph.edges ?? []) as ElkExtendedEdge[]) {
        const source = shifts.get(portOwner.get(edge.sources[0]) ?? edge.sources[0]);
        const target = shifts.get(edge.targets[0]);
        for (const section of edge.sections ?? []) {
            if (source !== undefined) {
                section.startPoint.x += source;
            }
            if (target !== undefined) {
                section.endPoint.x += target;
            }
        }
    }
}

/**
 * Lays a map out keeping the places `memory` remembers (see `LayoutMemory`), and remembers the new
 * ones. Every known node is given its column and height, and the columns are put back where they
 * were (see `keepColumns`); a new node goes at the foot of the column right of the nodes that lead
 * to it. One layout, as ELK lays a map out from given places. When less than half the nodes are
 * known (another charter, or most of it new), the map is laid out afresh.
 */
async function layoutKeepingPlaces(graph: ElkNode, memory: LayoutMemory): Promise<ElkNode> {
    const portOwner = new Map((graph.children ?? []).flatMap(node => (node.ports ?? []).map(port => [port.id, node.id] as const)));
    const children = graph.children ?? [];
    const known = memory.nodes;
    // ELK writes its layout into the graph it is given: each layout gets a copy.
    const fresh = () => layout(structuredClone(graph));
    let result: ElkNode;
    if (!known || children.filter(node => known.has(node.id)).length * 2 < children.length) {
        result = await fresh();
    } else {
        const place = new Map<string, { layer: number; y: number }>();
        const unknown = children.filter(node => !known.has(node.id));
        if (unknown.length > 0) {
            // A new node's column: one right of the rightmost node that leads to it (a party, a body), the first when none does.
            const predecessors = new Map<string, string[]>();
            for (const edge of (graph.edges ?? []) as ElkExtendedEdge[]) {
                const source = portOwner.get(edge.sources[0]) ?? edge.sources[0];
                predecessors.set(edge.targets[0], [...predecessors.get(edge.targets[0]) ?? [], source]);
            }
            const columnOf = (id: string, visiting = new Set<string>()): number => {
                const at = known.get(id) ?? place.get(id);
                if (at) {
                    return at.layer;
                }
                visiting.add(id);
                const before = (predecessors.get(id) ?? []).filter(source => !visiting.has(source)).map(source => columnOf(source, visiting) + 1);
                return Math.max(0, ...before);
            };
            // Each goes at the foot of its column (in a column of new nodes only, from the top).
            const top = Math.min(...[...known.values()].map(at => at.y));
            const foot = new Map<number, number>();
            for (const node of children) {
                const at = known.get(node.id);
                if (at) {
                    foot.set(at.layer, Math.max(foot.get(at.layer) ?? top, at.y + (node.height ?? 0) + NODE_GAP));
                }
            }
            for (const node of unknown) {
                const layer = columnOf(node.id);
                const y = foot.get(layer) ?? top;
                place.set(node.id, { layer, y });
                foot.set(layer, y + (node.height ?? 0) + NODE_GAP);
            }
        }
        const placed = children.map(node => {
            const { layer, y } = known.get(node.id) ?? place.get(node.id)!;
            return { ...node, x: layer * COLUMN_STRIDE, y };
        });
        result = await layout({ ...graph, layoutOptions: { ...graph.layoutOptions, ...KEEP_PLACES }, children: placed });
    }
    const laidOut = result.children ?? [];
    const { columnOf, extents } = columnsOf(laidOut);
    memory.columns = keepColumns(result, extents, known ? memory.columns ?? [] : []);
    if (known) {
        keepNodesInColumns(result, known, portOwner);
    }
    memory.nodes = new Map(laidOut.map(node => [node.id, { layer: columnOf.get(node.id) ?? 0, x: node.x ?? 0, y: node.y ?? 0 }]));
    return result;
}

/** How far above and below a role's (or party's) middle its two ports sit, when it has two. */
const PORT_SPLIT = 4;

/** A port on a party's right border at height y (FIXED_POS: ELK keeps it there). */
function eastPort(id: string, partyWidth: number, y: number): ElkPort {
    return { id, x: partyWidth, y, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'EAST' } };
}

/**
 * The governance map: parties as coloured groups of their roles, bodies
 * linked to their members, decisions linked to who decides them, laid out
 * left to right by ELK's layered algorithm.
 */
export async function renderGovernanceMap({ charter, options }: RenderInput): Promise<string> {
    const info = new Map<string, NodeInfo>();
    // Wide enough for the name (bold when a detail line follows) and the detail line, whole.
    const boxWidth = (label: string, detail?: string) => Math.max(labelWidth(label, 13, !!detail), detail ? labelWidth(detail, 11) : 0) + 2 * 12;
    // A party is one node of fixed size with its roles stacked inside, each role (and the party itself) an east
    // port: ELK lays out a flat graph, which costs a fraction of a compound one with hierarchical edges.
    const partyNodes: ElkNode[] = [];
    const rolesOfParty = new Map<string, ElkNode[]>();
    const portOf = new Map<string, string>();
    /** The port of a party or role that decides as well as sits on a body: its dashed edges leave from there. */
    const decidesPortOf = new Map<string, string>();
    const rolePorts = new Set<string>();
    // A party or role with both kinds of edge has two ports a few pixels apart, seats above, decisions
    // below: from one port ELK routes all its edges as one, and a dashed edge drawn along a solid one
    // could not be told from it (in the reseller example, ChannelChief's seat on QBR hid its decision).
    const seated = new Set(charter.bodies.flatMap(body => body.members.map(member => member.name)));
    const deciding = new Set(charter.decisions.flatMap(decision => decision.deciders.map(decider => decider.name)));
    const portsAt = (owner: string, width: number, y: number): ElkPort[] => {
        if (!(seated.has(owner) && deciding.has(owner))) {
            return [eastPort(`${owner}#port`, width, y)];
        }
        decidesPortOf.set(owner, `${owner}#decides`);
        return [eastPort(`${owner}#port`, width, y - PORT_SPLIT), eastPort(`${owner}#decides`, width, y + PORT_SPLIT)];
    };
    const listed = charter.parties;
    const mentionedParties = new Set([...listed, ...charter.bodies.flatMap(b => b.members.flatMap(m => m.parties)), ...charter.decisions.flatMap(d => d.deciders.flatMap(m => m.parties))]);
    for (const party of [...mentionedParties]) {
        const declared = charter.partyInfo[party];
        const roles = declared?.roles ?? [];
        const widths = roles.map(role => boxWidth(role.name));
        const width = Math.max(labelWidth(party, 14, true) + 24, ...widths.map(roleWidth => roleWidth + 2 * PADDING));
        const height = roles.length === 0 ? PARTY_HEIGHT : PARTY_HEADER + roles.length * ROLE_HEIGHT + (roles.length - 1) * ROLE_GAP + PADDING;
        const ports: ElkPort[] = portsAt(party, width, PARTY_HEIGHT / 2);
        portOf.set(party, ports[0].id);
        // Roles in the order the party declares them, right-aligned so their edges leave next to the party's border.
        rolesOfParty.set(party, roles.map((role, index) => {
            const y = PARTY_HEADER + index * (ROLE_HEIGHT + ROLE_GAP);
            const own = portsAt(role.qualifiedName, width, y + ROLE_HEIGHT / 2);
            ports.push(...own);
            portOf.set(role.qualifiedName, own[0].id);
            own.forEach(port => rolePorts.add(port.id));
            info.set(role.qualifiedName, { id: role.qualifiedName, kind: 'role', label: role.name, party, fullTitle: `${role.qualifiedName}${role.title ? ` — ${role.title}` : ''}` });
            return { id: role.qualifiedName, x: width - PADDING - widths[index], y, width: widths[index], height: ROLE_HEIGHT };
        }));
        info.set(party, { id: party, kind: 'party', label: party, party, fullTitle: `${party}${declared?.title ? ` — ${declared.title}` : ''}` });
        partyNodes.push({ id: party, width, height, ports, layoutOptions: { 'elk.portConstraints': 'FIXED_POS' } });
    }
    const bodyNodes: ElkNode[] = charter.bodies.map(body => {
        const id = elementId(charter, body.name);
        const seats = listed.map(party => `${party} ${body.seatsByParty[party] ?? 0}`).join(' · ');
        const full = `${seats} · ${body.voting}`;
        // Many parties with long names: the seats in short (each party's count is in the tooltip and the balance chart).
        const seated = listed.filter(party => (body.seatsByParty[party] ?? 0) > 0).length;
        const detail = labelWidth(full, 11) <= BODY_DETAIL_WIDTH ? full : `${body.totalSeats} seats, ${seated} of ${listed.length} parties · ${body.voting}`;
        info.set(id, { id, kind: 'body', label: body.name, detail, fullTitle: `${body.name}${body.title ? ` — ${body.title}` : ''}: ${full}` });
        return { id, width: boxWidth(body.name, detail), height: NODE_HEIGHT };
    });
    const nodeIdOf = (ref: PrincipalRef): string | undefined => {
        if (!ref.kind) {
            return undefined;
        }
        return ref.kind === 'body' ? elementId(charter, ref.name) : ref.name;
    };
    const detailOf = (decision: DecisionModel) => {
        const control = controlLabel(decision.deciders.length, decision.controllingParties, decision.blockingParties);
        // A voting rule means something only where several seats vote: not on a single decider.
        const votes = decision.votingDeclared || decision.deciders.length > 1 || decision.deciders.some(ref => ref.kind === 'body');
        return votes ? `${decision.voting} · ${control}` : control;
    };
    const titleOf = (decision: DecisionModel, detail: string) => `${decision.name}${decision.title ? ` — ${decision.title}` : ''}: ${detail}`;
    // A large map: the decisions of each set of deciders that takes many of them, as one box (GROUP_MIN_DECISIONS).
    const deciderKey = (decision: DecisionModel) => [...new Set(decision.deciders.map(nodeIdOf).filter((id): id is string => id !== undefined))].sort().join('+');
    const byDeciders = new Map<string, DecisionModel[]>();
    if (partyNodes.length + rolePorts.size + bodyNodes.length + charter.decisions.length > LARGE_GRAPH_NODES) {
        for (const decision of charter.decisions) {
            const key = deciderKey(decision);
            if (key) {
                byDeciders.set(key, [...byDeciders.get(key) ?? [], decision]);
            }
        }
    }
    const grouped = new Map([...byDeciders].filter(([, decisions]) => decisions.length >= GROUP_MIN_DECISIONS));
    const groupOf = new Map<DecisionModel, string>();
    const decisionNodes: ElkNode[] = [];
    for (const decision of charter.decisions) {
        const key = deciderKey(decision);
        const members = grouped.get(key);
        if (!members) {
            const id = elementId(charter, decision.name);
            const detail = detailOf(decision);
            info.set(id, { id, kind: 'decision', label: decision.name, detail, fullTitle: titleOf(decision, detail) });
            // The name is set in bold (wider): boxWidth measures it so, and a short detail does not cut it.
            decisionNodes.push({ id, width: boxWidth(decision.name, detail), height: NODE_HEIGHT });
            continue;
        }
        const id = `${charter.name}#decided-by:${key}`;
        groupOf.set(decision, id);
        if (members[0] !== decision) {
            continue;
        }
        // The box, where its first decision stands: names down columns of GROUP_ROWS, in the charter's order.
        // At least GROUP_ROWS rows, more for many decisions, so the box is about three times as wide as tall.
        const columnCount = Math.ceil(members.length / Math.max(GROUP_ROWS, Math.ceil(Math.sqrt(members.length * 3))));
        const rows = Math.ceil(members.length / columnCount);
        const entries = members.map((member, index) => {
            const detail = detailOf(member);
            return { decision: member, id: elementId(charter, member.name), detail, fullTitle: titleOf(member, detail), column: Math.floor(index / rows), row: index % rows };
        });
        const columns = Array.from({ length: Math.ceil(members.length / rows) }, (_, column) =>
            Math.max(...entries.filter(entry => entry.column === column).map(entry => labelWidth(entry.decision.name, 12))) + 16);
        const details = [...new Set(entries.map(entry => entry.detail))];
        const deciders = decision.deciders.map(ref => ref.name).join(', ');
        const label = `${members.length} decisions by ${deciders}`;
        const detail = details.length === 1 ? details[0] : 'their rules differ: see each decision';
        info.set(id, { id, kind: 'decisions', label, detail, fullTitle: `${label}: ${members.map(member => member.name).join(', ')}`, decisions: entries, columns });
        const width = Math.max(boxWidth(label, detail), columns.reduce((sum, column) => sum + column, 0) + 2 * 12 - 16);
        decisionNodes.push({ id, width, height: GROUP_HEADER + rows * GROUP_ROW_HEIGHT + 8 });
    }
    const edges: ElkExtendedEdge[] = [];
    const edgeKind = new Map<string, 'member' | 'decides'>();
    const addEdge = (source: string | undefined, target: string, kind: 'member' | 'decides') => {
        if (!source || !info.has(source) || !info.has(target)) {
            return;
        }
        const id = `${kind}:${source}→${target}#${edges.length}`;
        edges.push({ id, sources: [(kind === 'decides' ? decidesPortOf.get(source) : undefined) ?? portOf.get(source) ?? source], targets: [target] });
        edgeKind.set(id, kind);
    };
    for (const body of charter.bodies) {
        for (const member of body.members) {
            addEdge(nodeIdOf(member), elementId(charter, body.name), 'member');
        }
    }
    for (const decision of charter.decisions) {
        const group = groupOf.get(decision);
        if (group && grouped.get(deciderKey(decision))![0] !== decision) {
            continue;
        }
        // One arrow from each decider of a box of decisions, to the box.
        for (const decider of new Map(decision.deciders.map(ref => [nodeIdOf(ref), ref])).values()) {
            addEdge(nodeIdOf(decider), group ?? elementId(charter, decision.name), 'decides');
        }
    }
    const nodeCount = partyNodes.length + [...rolesOfParty.values()].reduce((count, roles) => count + roles.length, 0) + bodyNodes.length + decisionNodes.length;
    const input: ElkNode = {
        id: 'root',
        layoutOptions: layoutOptionsFor(nodeCount),
        children: [...partyNodes, ...bodyNodes, ...decisionNodes],
        edges
    };
    const graph = options?.layoutMemory ? await layoutKeepingPlaces(input, options.layoutMemory) : await layout(input);
    const focus = options?.viewAsParty;
    const parts: string[] = [el('style', {}, PARTY_BORDER_STYLE), el('defs', {}, el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        el('path', { d: 'M 0 0 L 10 5 L 0 10 z', style: 'fill:var(--line)' })))];
    for (const edge of graph.edges ?? []) {
        for (const section of (edge as ElkExtendedEdge).sections ?? []) {
            const kind = edgeKind.get(edge.id)!;
            // An edge from a role starts at the role's box, which ends PADDING before the party's border and port.
            const stub = rolePorts.has((edge as ElkExtendedEdge).sources[0]) ? [{ x: section.startPoint.x - PADDING, y: section.startPoint.y }] : [];
            const points = [...stub, section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
            parts.push(el('path', {
                class: 'edge',
                'data-edge': edge.id.split('#')[0],
                d: points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${Math.round(p.x * 10) / 10} ${Math.round(p.y * 10) / 10}`).join(' '),
                'marker-end': 'url(#arrow)',
                'stroke-dasharray': kind === 'member' ? undefined : '5 3'
            }));
        }
    }
    const drawNode = (node: ElkNode, offsetX: number, offsetY: number) => {
        const meta = info.get(node.id)!;
        const x = offsetX + (node.x ?? 0);
        const y = offsetY + (node.y ?? 0);
        const w = node.width ?? 0;
        const h = node.height ?? 0;
        const related = !focus || relatedTo(charter, meta, focus);
        const cls = related ? undefined : 'dim';
        if (meta.kind === 'party') {
            const color = partyColor(listed, meta.id);
            parts.push(el('g', { 'data-element': meta.id, class: cls },
                el('title', {}, escapeXml(meta.fullTitle)),
                el('rect', { x, y, width: w, height: h, rx: 10, style: `fill:${color};fill-opacity:0.12;stroke:${partyBorder(listed, meta.id)};stroke-width:2` }),
                text(x + 12, y + 22, meta.label, { size: 14, weight: 'bold', maxWidth: w - 20 })));
            for (const role of rolesOfParty.get(meta.id) ?? []) {
                drawNode(role, x, y);
            }
            return;
        }
        if (meta.kind === 'decisions') {
            // Each decision's name is an element of its own: a click or the cursor finds it, a tooltip has its rule.
            const lefts = meta.columns!.map((_, column) => x + 12 + meta.columns!.slice(0, column).reduce((sum, width) => sum + width, 0));
            parts.push(el('g', { 'data-kind': 'decisions', 'data-decisions': String(meta.decisions!.length), class: cls },
                el('title', {}, escapeXml(meta.fullTitle)),
                el('rect', { x, y, width: w, height: h, rx: 12, class: 'panel', 'stroke-width': 1 }),
                text(x + 12, y + 19, meta.label, { size: 13, weight: 'bold', maxWidth: w - 20 }),
                text(x + 12, y + 35, meta.detail!, { size: 11, className: 'muted', maxWidth: w - 20 }),
                ...meta.decisions!.map(entry => {
                    const top = y + GROUP_HEADER + entry.row * GROUP_ROW_HEIGHT;
                    const concerns = !focus || decisionConcerns(entry.decision, focus);
                    return el('g', { 'data-element': entry.id, class: concerns || !related ? undefined : 'dim' },
                        el('title', {}, escapeXml(entry.fullTitle)),
                        el('rect', { x: lefts[entry.column] - 4, y: top - 13, width: meta.columns![entry.column] - 8, height: GROUP_ROW_HEIGHT - 2, rx: 3, style: 'fill:transparent' }),
                        text(lefts[entry.column], top, entry.decision.name, { size: 12, maxWidth: meta.columns![entry.column] - 16 }));
                })));
            return;
        }
        const fill = meta.kind === 'role' ? partyColor(listed, meta.party!) : 'var(--panel)';
        const shape = meta.kind === 'role'
            ? el('rect', { x, y, width: w, height: h, rx: 14, style: `fill:${fill};fill-opacity:0.28;stroke:${partyBorder(listed, meta.party!)};stroke-width:1.5` })
            : el('rect', { x, y, width: w, height: h, rx: meta.kind === 'body' ? 4 : 12, class: 'panel', 'stroke-width': meta.kind === 'body' ? 2 : 1 });
        const lines = meta.detail
            ? text(x + 12, y + 19, meta.label, { size: 13, weight: 'bold', maxWidth: w - 20 }) + text(x + 12, y + 35, meta.detail, { size: 11, className: 'muted', maxWidth: w - 20 })
            : text(x + 12, y + 18, meta.label, { size: 12, maxWidth: w - 20 });
        parts.push(el('g', { 'data-element': meta.id, 'data-kind': meta.kind, class: cls }, el('title', {}, escapeXml(meta.fullTitle)), shape, lines));
    };
    for (const node of graph.children ?? []) {
        drawNode(node, 0, 0);
    }
    if (nodeCount === 0) {
        parts.push(text(0, 16, NOTHING_TO_MAP, { size: 13, className: 'muted' }));
    }
    // The legend of the two kinds of arrow, under the map, as the docs read them.
    const legendY = (nodeCount === 0 ? 30 : graph.height ?? 100) + 12;
    const legend = el('g', { 'data-legend': 'governance', transform: `translate(0 ${legendY})` },
        el('path', { class: 'edge', d: 'M 0 8 L 28 8', 'marker-end': 'url(#arrow)' }),
        text(34, 12, 'a member\'s seat on a body', { size: 11, className: 'muted' }),
        el('path', { class: 'edge', d: `M ${LEGEND_DECIDES_X} 8 L ${LEGEND_DECIDES_X + 28} 8`, 'marker-end': 'url(#arrow)', 'stroke-dasharray': '5 3' }),
        text(LEGEND_DECIDES_X + 34, 12, 'who decides a decision', { size: 11, className: 'muted' }));
    parts.push(legend);
    const width = Math.max((graph.width ?? 200) + 24, LEGEND_WIDTH + 24, nodeCount === 0 ? labelWidth(NOTHING_TO_MAP, 13) + 24 : 0);
    const height = legendY + LEGEND_HEIGHT + 12;
    const description = `${charter.parties.length} parties, ${charter.bodies.length} bodies and ${charter.decisions.length} decisions of ${charter.name}: who sits where and who decides what.`;
    return svgDocument('governance', width, height, `Governance map of ${charter.name}`, description, el('g', { transform: 'translate(12 12)' }, ...parts));
}

/** What the map says when the charter names no party, body or decision (a charter being written). */
const NOTHING_TO_MAP = 'Nothing to map yet: the charter names no parties, bodies or decisions.';

/** Where the legend's second arrow starts, its whole width and its height. */
const LEGEND_DECIDES_X = 34 + Math.ceil(labelWidth('a member\'s seat on a body', 11)) + 24;
const LEGEND_WIDTH = LEGEND_DECIDES_X + 34 + Math.ceil(labelWidth('who decides a decision', 11));
const LEGEND_HEIGHT = 16;

/** Whether an element concerns a party: its own group and roles, bodies it sits on, decisions it takes part in or can block (as the matrix). */
function relatedTo(charter: CharterModel, meta: NodeInfo, party: string): boolean {
    switch (meta.kind) {
        case 'party':
        case 'role':
            return meta.party === party;
        case 'body':
            return (charter.bodies.find(body => elementId(charter, body.name) === meta.id)?.seatsByParty[party] ?? 0) > 0;
        case 'decision':
            return charter.decisions.some(decision => elementId(charter, decision.name) === meta.id && decisionConcerns(decision, party));
        case 'decisions':
            return meta.decisions!.some(entry => decisionConcerns(entry.decision, party));
    }
}

/** Who carries a decision: one party alone, several jointly (each can block), or any majority. */
export function controlLabel(deciders: number, controlling: string[], blocking: string[]): string {
    if (deciders === 0) {
        return 'no decider';
    }
    if (controlling.length === 1) {
        return `${controlling[0]} alone`;
    }
    if (blocking.length >= 2) {
        return `joint · ${blocking.length} parties can block`; // two or more: always plural
    }
    return blocking.length === 1 ? `${blocking[0]} can block` : 'any majority';
}
