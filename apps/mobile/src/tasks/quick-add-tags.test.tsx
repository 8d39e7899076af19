// Quick add's #names become the task's tags, as on the web: the person's own by name, the
// unknown ones created; offline only the known ones can be used.
import { fireEvent, screen, waitFor } from 'expo-router/testing-library';
import { setConnected } from '../testing/fake-netinfo';
import { signedInOnThisPhone } from '../testing/api';
import { renderApp } from '../testing/render-app';

afterEach(() => setConnected(true));

const quickAdd = (line: string) => {
  const field = screen.getByLabelText('New task');
  fireEvent.changeText(field, line);
  fireEvent(field, 'submitEditing');
};

type Api = Awaited<ReturnType<typeof signedInOnThisPhone>>['api'];
const storedTasks = async (api: Api) =>
  (await api.task.list.query({ sort: 'createdAt', order: 'asc' })).items.map((task) => ({
    title: task.title,
    tagIds: task.tags.map((tag) => tag.id).sort((a, b) => a - b),
  }));

describe('quick add with #tags', () => {
  // First in the file: run after another test in the same worker, the paused task's "Waiting to
  // sync" row did not render though the mutation was paused in the cache (a leak between tests
  // in the harness, not yet understood; offline-queue.test.tsx also opens with its offline add).
  it('offline, queues a task with a known tag and gives back the line of one with a new tag', async () => {
    const { api } = await signedInOnThisPhone();
    const home = await api.tag.create.mutate({ name: 'home' });
    renderApp('/tasks');
    expect(await screen.findByText('Nothing to do')).toBeOnTheScreen();
    quickAdd('Sweep #home');
    expect(await screen.findByRole('checkbox', { name: 'Sweep' })).toBeOnTheScreen();

    setConnected(false);
    quickAdd('Weed #home');
    expect(await screen.findByText('Waiting to sync')).toBeOnTheScreen();
    quickAdd('Sow beans #seeds');
    expect(
      await screen.findByText('Could not add the task: new tags (#seeds) need a connection'),
    ).toBeOnTheScreen();
    expect(screen.getByLabelText('New task').props.value).toBe('Sow beans #seeds');

    setConnected(true);
    await waitFor(async () =>
      expect(await storedTasks(api)).toEqual([
        { title: 'Sweep', tagIds: [home.id] },
        { title: 'Weed', tagIds: [home.id] },
      ]),
    );
    expect((await api.tag.list.query()).map((tag) => tag.name)).toEqual(['home']);
  });

  it("tags the new task with the person's tag by name and a new one it creates", async () => {
    const { api } = await signedInOnThisPhone();
    const home = await api.tag.create.mutate({ name: 'home' });
    renderApp('/tasks');
    expect(await screen.findByText('Nothing to do')).toBeOnTheScreen();

    quickAdd('Buy compost #garden #Home');
    expect(await screen.findByRole('checkbox', { name: 'Buy compost' })).toBeOnTheScreen();
    const tags = await api.tag.list.query();
    expect(tags.map((tag) => [tag.name, tag.color])).toEqual([
      // The shared palette's color for the name, the one the web app gives it too.
      ['garden', '#dc2626'],
      ['home', null],
    ]);
    const garden = tags.find((tag) => tag.name === 'garden')!;
    expect(await storedTasks(api)).toEqual([
      { title: 'Buy compost', tagIds: [home.id, garden.id].sort((a, b) => a - b) },
    ]);
  });
});
