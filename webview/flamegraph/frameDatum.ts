/** The drawn frames' data, shared by pruning (which makes them) and frame text (which describes them). */
export type FrameRole = 'frame' | 'ancestor' | 'other';

/** One drawn frame, in the shape d3-flame-graph reads (name, value, children). */
export interface FrameDatum {
  name: string;
  value: number;
  children?: FrameDatum[];
  /** CallTree node, or for an "other" frame the parent whose callees it merges. */
  idx: number;
  role: FrameRole;
  /** d3-flame-graph: a faded frame takes the width of its children (ancestors of the zoom node). */
  fade?: boolean;
  /** "other" frames: how many callees were merged. */
  merged?: number;
}
