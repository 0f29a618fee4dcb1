/** The Node versions beside the one running, each as the npm package that ships it. */
export const NODE_PACKAGES: Record<22 | 24, string>;
/** The cache folder of the fetched Node versions. */
export function nodeCache(): string;
/** Where the `node` binary of a major version is, or why there is none. */
export function nodeBinary(major: number): { node: string } | { reason: string };
