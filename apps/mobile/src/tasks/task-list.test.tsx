import { act, fireEvent, screen, waitFor } from 'expo-router/testing-library';
import { FlatList } from 'react-native';
import { signedInOnThisPhone } from '../testing/api';
import { renderApp } from '../testing/render-app';
import { TASK_PAGE_SIZE } from './tasks-screen';

const listedTitles = () =>
  (screen.UNSAFE_getByType(FlatList).props.data as { title: string }[]).map((task) => task.title);
const titles = () =>
  screen
    .getAllByRole('checkbox')
    .map((box) => (box.props['aria-label'] ?? box.props.accessibilityLabel) as string);

/** The RefreshControl's onRefresh, as a pull-down gesture calls it. */
const pullToRefresh = (list: ReturnType<typeof screen.getByTestId>) => {
  const control = list.props.refreshControl as { props: { onRefresh: () => Promise<void> } };
  return act(() => control.props.onRefresh());
};

describe('the task list', () => {
  it('shows a page of tasks, newest first, and the next page at the end of the list', async () => {
    const { api } = await signedInOnThisPhone();
    for (let n = 1; n <= TASK_PAGE_SIZE + 5; n++)
      await api.task.create.mutate({ title: `Task ${n}` });
    renderApp('/tasks');

    expect(await screen.findByRole('checkbox', { name: 'Task 25' })).toBeOnTheScreen();
    expect(titles()).toHaveLength(TASK_PAGE_SIZE);
    expect(titles().slice(0, 2)).toEqual(['Task 25', 'Task 24']);
    expect(screen.queryByRole('checkbox', { name: 'Task 5' })).toBeNull();

    fireEvent(screen.getByTestId('task-list'), 'endReached');
    // The list now holds the second page; it renders rows as they scroll into view, which
    // needs layout this renderer does not do, so the list's own data says what it will show.
    await waitFor(() => expect(listedTitles()).toHaveLength(TASK_PAGE_SIZE + 5));
    expect(listedTitles().slice(-2)).toEqual(['Task 2', 'Task 1']);
  });

  it('brings in a task made on another device when pulled down', async () => {
    const { api } = await signedInOnThisPhone();
    await api.task.create.mutate({ title: 'Made here' });
    renderApp('/tasks');
    expect(await screen.findByRole('checkbox', { name: 'Made here' })).toBeOnTheScreen();

    await api.task.create.mutate({ title: 'Made on the laptop' });
    // Fresh for 10 s (staleTime) and no live stream under Jest: only the pull fetches it.
    expect(screen.queryByRole('checkbox', { name: 'Made on the laptop' })).toBeNull();
    await pullToRefresh(screen.getByTestId('task-list'));

    await waitFor(() => expect(titles()).toEqual(['Made on the laptop', 'Made here']));
  });
});
