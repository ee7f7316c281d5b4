/** How a listing is paged: REST walks an opaque cursor, the Alibaba face asks for page numbers. */
export type PageRequest =
  | { kind: 'cursor'; limit: number; cursor?: string }
  | { kind: 'offset'; pageNumber: number; pageSize: number };

export interface Page<T> {
  items: T[];
  /** Cursor paging: where the next page starts; null on the last page. */
  nextCursor?: string | null;
  /** Offset paging: how many match in all. */
  total?: number;
}
