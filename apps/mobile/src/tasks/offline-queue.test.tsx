// Offline, as NetInfo reports it (the only thing faked): writes wait in order, and go to the
// real server when the phone is back online.
import { fireEvent, screen, waitFor } from 'expo-router/testing-library';
import { setConnected } from '../testing/fake-netinfo';
import { signedInOnThisPhone } from '../testing/api';
import { renderApp } from '../testing/render-app';

afterEach(() => setConnected(true));

const addTask = (title: string) => {
  const field = screen.getByLabelText('New task');
  fireEvent.changeText(field, title);
  fireEvent(field, 'submitEditing');
};

describe('offline', () => {
  it('keeps tasks added offline waiting, then sends them in the order they were made', async () => {
    const { api } = await signedInOnThisPhone();
    renderApp('/tasks');
    expect(await screen.findByText('Nothing to do')).toBeOnTheScreen();

    setConnected(false);
    addTask('Buy milk');
    addTask('Call mum');
    addTask('Pay rent');
    expect(await screen.findAllByText('Waiting to sync')).toHaveLength(3);
    expect((await api.task.list.query({})).items).toEqual([]);

    setConnected(true);
    await waitFor(async () =>
      expect(
        (await api.task.list.query({ sort: 'createdAt', order: 'asc' })).items.map((t) => t.title),
      ).toEqual(['Buy milk', 'Call mum', 'Pay rent']),
    );
    expect(await screen.findByRole('checkbox', { name: 'Pay rent' })).toBeOnTheScreen();
    expect(screen.queryByText('Waiting to sync')).toBeNull();
  });

  it('replays an edit made offline with the version it was based on: a change made elsewhere meanwhile is a conflict, not overwritten', async () => {
    const { api } = await signedInOnThisPhone();
    const task = await api.task.create.mutate({ title: 'Book flights' });
    renderApp(`/tasks/${task.id}`);
    fireEvent.changeText(await screen.findByLabelText('Title'), 'Book flights to Lisbon');

    setConnected(false);
    fireEvent.press(screen.getByRole('button', { name: 'Save' }));
    await api.task.update.mutate({
      id: task.id,
      title: 'Book trains instead',
      expectedUpdatedAt: task.updatedAt,
    });

    setConnected(true);
    expect(
      await screen.findByRole('header', { name: 'This task changed elsewhere' }),
    ).toBeOnTheScreen();
    expect((await api.task.byId.query({ id: task.id })).title).toBe('Book trains instead');
  });
});
