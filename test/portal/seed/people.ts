/** Seed users and tasks: the fixed cast every test and demo relies on. */
import { portalTime } from '../dates.ts'
import type { ChatRec, Store, TaskRec, UserRec } from '../state.ts'

const USERS: UserRec[] = [
  {
    id: 1,
    firstName: 'Alex',
    lastName: 'Morgan',
    hasAvatar: true,
    color: '#4ba984',
    isAdmin: true,
    bot: false,
    gender: 'M',
    workPosition: 'Marketing director',
    email: 'alex.morgan@example.com',
  },
  {
    id: 2,
    firstName: 'Мария',
    lastName: 'Иванова',
    hasAvatar: true,
    color: '#df532d',
    isAdmin: false,
    bot: false,
    gender: 'F',
    workPosition: 'Brand manager',
    email: 'maria.ivanova@example.com',
  },
  {
    id: 3,
    firstName: 'John',
    lastName: 'Carter',
    hasAvatar: false,
    color: '#5e6ad2',
    isAdmin: false,
    bot: false,
    gender: 'M',
    workPosition: 'Media buyer',
    email: 'john.carter@example.com',
  },
  {
    id: 4,
    firstName: 'Дмитрий',
    lastName: 'Соколов',
    hasAvatar: false,
    color: '#ab7761',
    isAdmin: false,
    bot: false,
    gender: 'M',
    workPosition: 'Designer',
    email: 'dmitry.sokolov@example.com',
  },
  {
    id: 5,
    firstName: 'Emily',
    lastName: 'Zhang',
    hasAvatar: true,
    color: '#29a8df',
    isAdmin: false,
    bot: false,
    gender: 'F',
    workPosition: 'Copywriter',
    email: 'emily.zhang@example.com',
  },
  {
    id: 6,
    firstName: 'Ольга',
    lastName: 'Кузнецова',
    hasAvatar: false,
    color: '#e3a400',
    isAdmin: false,
    bot: false,
    gender: 'F',
    workPosition: 'Event manager',
    email: 'olga.kuznetsova@example.com',
  },
  {
    id: 7,
    firstName: 'Lucas',
    lastName: 'Weber',
    hasAvatar: true,
    color: '#8474c8',
    isAdmin: false,
    bot: false,
    gender: 'M',
    workPosition: 'Web developer',
    email: 'lucas.weber@example.com',
  },
  {
    id: 8,
    firstName: 'Sofia',
    lastName: 'Rossi',
    hasAvatar: false,
    color: '#1eae43',
    isAdmin: false,
    bot: false,
    gender: 'F',
    workPosition: 'HR partner',
    email: 'sofia.rossi@example.com',
  },
]

interface TaskSeed {
  task: Omit<TaskRec, 'memberIds'> & { memberIds: number[] }
  chatMembers: number[] | null
}

const day = (m: number, d: number, h = 10): number => portalTime(2026, m, d, h, 0, 0)

const TASKS: TaskSeed[] = [
  {
    task: {
      id: 1,
      title: 'Launch the spring marketing campaign',
      description: 'Plan, produce and launch the spring campaign across web, social and events.',
      status: 3,
      createdBy: 1,
      responsibleId: 2,
      memberIds: [1, 2, 3, 4, 5, 6, 7, 8],
      auditorIds: [8],
      chatId: 1001,
      createdAt: day(3, 2, 9),
      deadline: day(11, 20, 19),
    },
    chatMembers: [1, 2, 3, 4, 5, 6, 7, 8],
  },
  {
    task: {
      id: 2,
      title: 'Prepare the Q3 budget',
      description: 'Collect department requests and draft the Q3 budget.',
      status: 2,
      createdBy: 1,
      responsibleId: 3,
      memberIds: [1, 2, 3],
      chatId: null,
      createdAt: day(9, 1),
      deadline: day(11, 30, 18),
    },
    chatMembers: null,
  },
  {
    task: {
      id: 3,
      title: 'Confidential HR review',
      description: 'Annual compensation review. Restricted.',
      status: 3,
      createdBy: 8,
      responsibleId: 8,
      memberIds: [2, 6, 8],
      chatId: 1003,
      createdAt: day(6, 10),
      deadline: null,
    },
    chatMembers: [2, 6, 8],
  },
  {
    task: {
      id: 4,
      title: 'Vendor contract renewal',
      description: 'Renew the printing vendor contract before it lapses.',
      status: 2,
      createdBy: 3,
      responsibleId: 4,
      memberIds: [1, 3, 4, 8],
      chatId: 1004,
      createdAt: day(7, 14),
      deadline: day(12, 1, 18),
    },
    chatMembers: [3, 4, 8],
  },
  {
    task: {
      id: 5,
      title: 'Office move checklist',
      description: 'Everything that has to happen before the move to the new office.',
      status: 3,
      createdBy: 6,
      responsibleId: 6,
      memberIds: [1, 2, 4, 6],
      chatId: 1005,
      createdAt: day(8, 3),
      deadline: day(11, 15, 18),
    },
    chatMembers: [1, 2, 4, 6],
  },
  {
    task: {
      id: 6,
      title: 'Team offsite ideas',
      description: 'Collect ideas for the winter offsite.',
      status: 2,
      createdBy: 1,
      responsibleId: 5,
      memberIds: [1, 5, 7],
      chatId: 1006,
      createdAt: day(10, 20),
      deadline: null,
    },
    chatMembers: [1, 5, 7],
  },
  {
    task: {
      id: 7,
      title: 'Nightly report automation',
      description: 'Robots send the nightly report; people discuss the exceptions.',
      status: 3,
      createdBy: 5,
      responsibleId: 5,
      memberIds: [1, 5, 7],
      chatId: 1007,
      createdAt: day(5, 4, 9),
      deadline: null,
    },
    chatMembers: [1, 5, 7],
  },
  {
    task: {
      id: 100,
      title: 'Benchmark: busy chat',
      description: 'A chat with 100,000 messages for performance checks.',
      status: 3,
      createdBy: 1,
      responsibleId: 1,
      memberIds: [1, 2, 3, 5],
      chatId: 1100,
      createdAt: portalTime(2024, 1, 1, 9),
      deadline: null,
    },
    chatMembers: [1, 2, 3, 5],
  },
]

export function seedPeople(store: Store): void {
  for (const user of USERS) store.users.set(user.id, { ...user })
  for (const { task, chatMembers } of TASKS) {
    store.tasks.set(task.id, { ...task, memberIds: [...task.memberIds] })
    if (task.chatId !== null && chatMembers) {
      const chat: ChatRec = {
        id: task.chatId,
        taskId: task.id,
        title: task.title,
        ownerId: task.createdBy,
        memberIds: new Set(chatMembers),
        createdAt: task.createdAt,
      }
      store.chats.set(chat.id, chat)
    }
  }
}

export function mention(store: Store, userId: number): string {
  return `[USER=${userId} REPLACE]${store.userName(userId)}[/USER]`
}
