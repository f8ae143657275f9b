/** A search hit: the entity and score come from the store; the cursor places the hit in its ranking. */
import type { SearchHitResolvers } from '../__generated__/resolvers-types.js';
import { encodeSearchCursor } from './Query.js';

export const SearchHit: SearchHitResolvers = {
  cursor: (hit) => encodeSearchCursor(hit),
};
