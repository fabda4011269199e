// Eleventy 3.1's dependency graphs allow cycles, and for such a graph the
// `dependency-graph` package's `overallOrder` finds the nodes its first pass
// missed by searching the whole result list for every node: quadratic in the
// graph's size. Eleventy orders its graphs three times in every dev rebuild;
// at 4,000 posts those searches took about 80 ms of each. This replacement
// walks the graph exactly as the library does and asks a set instead. A graph
// that does not allow cycles keeps the library's own order, cycle checks and
// errors.
import { alreadyPatched } from "../eleventy-internals.ts";

export interface OrderedDepGraphLike {
  nodes: Map<string, unknown>;
  outgoingEdges: Map<string, string[]>;
  incomingEdges: Map<string, string[]>;
  circular: boolean;
  overallOrder(leavesOnly?: boolean): string[];
}

/**
 * The library's depth-first walk for a graph that allows cycles: each node
 * after the nodes it depends on, edges followed in their listed order, a node
 * met again on the current path skipped.
 */
function walker(edges: Map<string, string[]>, leavesOnly: boolean, result: string[]): (start: string) => void {
  const visited = new Set<string>();
  return (start) => {
    if (visited.has(start)) return;
    const onPath = new Set<string>();
    const todo: Array<{ node: string; processed: boolean }> = [{ node: start, processed: false }];
    while (todo.length > 0) {
      const current = todo[todo.length - 1]!;
      const { node } = current;
      if (!current.processed) {
        if (visited.has(node) || onPath.has(node)) {
          todo.pop();
          continue;
        }
        onPath.add(node);
        const nodeEdges = edges.get(node)!;
        for (let i = nodeEdges.length - 1; i >= 0; i--) todo.push({ node: nodeEdges[i]!, processed: false });
        current.processed = true;
      } else {
        todo.pop();
        onPath.delete(node);
        visited.add(node);
        if (!leavesOnly || edges.get(node)!.length === 0) result.push(node);
      }
    }
  };
}

/** Replaces the prototype's `overallOrder` with one that orders a graph allowing cycles in linear time. */
export function orderWithoutSearch(prototype: OrderedDepGraphLike): void {
  if (alreadyPatched(prototype, "blog.depGraph.linearOrder")) return;
  const libraryOrder = prototype.overallOrder;
  prototype.overallOrder = function (this: OrderedDepGraphLike, leavesOnly?: boolean) {
    if (!this.circular) return libraryOrder.call(this, leavesOnly);
    const result: string[] = [];
    const keys = [...this.nodes.keys()];
    const walk = walker(this.outgoingEdges, Boolean(leavesOnly), result);
    // First from the nodes nothing depends on, then from every node that
    // walk did not put in the result (those in cycles), as the library does.
    for (const node of keys) if (this.incomingEdges.get(node)!.length === 0) walk(node);
    const ordered = new Set(result);
    for (const node of keys.filter((key) => !ordered.has(key))) walk(node);
    return result;
  };
}
