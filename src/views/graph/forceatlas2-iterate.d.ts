/** graphology-layout-forceatlas2 ships no types for its single-iteration function. */
declare module 'graphology-layout-forceatlas2/iterate.js' {
  /** One ForceAtlas2 iteration over the node and edge matrices, in place. */
  export default function iterate(options: object, nodes: Float32Array, edges: Float32Array): object;
}
