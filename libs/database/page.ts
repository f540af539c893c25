/** One page of a sorted list, with the total count for the pager. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
