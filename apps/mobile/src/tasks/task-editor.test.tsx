import { fireEvent, screen, waitFor } from 'expo-router/testing-library';
import { signedInOnThisPhone } from '../testing/api';
import { renderApp } from '../testing/render-app';

/** Opens the editor on a task, edits its title here while another device renames it. */
async function editWhileChangedElsewhere() {
  const { api } = await signedInOnThisPhone();
  const task = await api.task.create.mutate({ title: 'Water the plants' });
  renderApp(`/tasks/${task.id}`);
  fireEvent.changeText(await screen.findByLabelText('Title'), 'Water the plants twice');
  await api.task.update.mutate({
    id: task.id,
    title: 'Water the garden',
    expectedUpdatedAt: task.updatedAt,
  });
  fireEvent.press(screen.getByRole('button', { name: 'Save' }));
  await screen.findByRole('header', { name: 'This task changed elsewhere' });
  return { api, id: task.id };
}

describe('the task editor on CONFLICT', () => {
  it('shows both versions and saves mine over theirs on "Keep mine"', async () => {
    const { api, id } = await editWhileChangedElsewhere();
    expect(screen.getByText('Theirs: Water the garden')).toBeOnTheScreen();
    expect(screen.getByText('Mine: Water the plants twice')).toBeOnTheScreen();

    fireEvent.press(screen.getByRole('button', { name: 'Keep mine' }));
    await waitFor(async () =>
      expect((await api.task.byId.query({ id })).title).toBe('Water the plants twice'),
    );
    // The saved editor closes; waiting for it keeps its late router.back() out of the next test,
    // where it closed that test's editor (a flake that looked like lost screen updates).
    expect(await screen.findByRole('header', { name: 'Tasks' })).toBeOnTheScreen();
    expect(screen.queryByRole('header', { name: 'This task changed elsewhere' })).toBeNull();
  });

  it('loads their version into the form on "Use theirs", and saves nothing', async () => {
    const { api, id } = await editWhileChangedElsewhere();
    fireEvent.press(screen.getByRole('button', { name: 'Use theirs' }));

    await waitFor(() =>
      expect(screen.getByLabelText('Title').props.value).toBe('Water the garden'),
    );
    expect(screen.queryByRole('header', { name: 'This task changed elsewhere' })).toBeNull();
    expect((await api.task.byId.query({ id })).title).toBe('Water the garden');
    // The form is now based on their version: saving again is no conflict.
    fireEvent.changeText(screen.getByLabelText('Title'), 'Water the garden at dawn');
    fireEvent.press(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await api.task.byId.query({ id })).title).toBe('Water the garden at dawn'),
    );
  });
});

describe("the task editor's tags", () => {
  it("shows the person's tags as checkboxes, the task's own checked, and saves the picked set", async () => {
    const { api } = await signedInOnThisPhone();
    const garden = await api.tag.create.mutate({ name: 'garden' });
    const home = await api.tag.create.mutate({ name: 'home' });
    await api.tag.create.mutate({ name: 'errands' });
    const task = await api.task.create.mutate({ title: 'Water the plants', tagIds: [home.id] });
    renderApp(`/tasks/${task.id}`);

    const homeChip = await screen.findByRole('checkbox', { name: 'home' });
    expect(homeChip).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'garden' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'errands' })).not.toBeChecked();

    fireEvent.press(screen.getByRole('checkbox', { name: 'garden' }));
    fireEvent.press(homeChip);
    expect(screen.getByRole('checkbox', { name: 'garden' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'home' })).not.toBeChecked();

    fireEvent.press(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () =>
      expect((await api.task.byId.query({ id: task.id })).tags.map((tag) => tag.id)).toEqual([
        garden.id,
      ]),
    );
    expect((await api.task.byId.query({ id: task.id })).title).toBe('Water the plants');
  });
});
