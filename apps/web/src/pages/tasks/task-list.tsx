// The task list: keyset pages loaded as the end scrolls into view, rendered through a
// virtualizer so 10,000 tasks keep only the visible rows (and a few more) in the DOM.
import type { TaskOutput } from '@repo/validators';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { TaskRow } from './task-row';

interface Props {
  tasks: TaskOutput[];
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  onToggle: (task: TaskOutput) => void;
  onOpen: (task: TaskOutput) => void;
  onDelete: (task: TaskOutput) => void;
}

const ROW_HEIGHT = 68;

export function TaskList({ tasks, hasMore, loadingMore, loadMore, ...handlers }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tasks.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (index) => tasks[index]!.id,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= tasks.length - 20) loadMore();
  }, [hasMore, loadingMore, lastIndex, tasks.length, loadMore]);

  return (
    <div ref={scroller} className="task-scroll" tabIndex={-1}>
      <ul className="task-list" aria-label="Tasks" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const task = tasks[item.index]!;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="task-item"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <TaskRow task={task} {...handlers} />
            </li>
          );
        })}
      </ul>
      {loadingMore && <p className="muted center">Loading more…</p>}
    </div>
  );
}
