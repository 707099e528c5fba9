import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { START_PAGE } from './start-page'

export { START_PAGE }

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: START_PAGE },
  { path: '/today', name: 'today', component: () => import('./views/TodayView.vue') },
  { path: '/clients', name: 'clients', component: () => import('./views/ClientsView.vue') },
  {
    path: '/clients/:id(\\d+)',
    name: 'client',
    component: () => import('./views/ClientView.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
  },
  { path: '/turnarounds', name: 'turnarounds', component: () => import('./views/TurnaroundsView.vue') },
  {
    path: '/turnarounds/:id(\\d+)',
    name: 'turnaround',
    component: () => import('./views/TurnaroundView.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
  },
  { path: '/ledger', name: 'ledger', component: () => import('./views/LedgerView.vue') },
  { path: '/ledger/import', name: 'ledger-import', component: () => import('./views/LedgerImportView.vue') },
  { path: '/letters', name: 'letters', component: () => import('./views/LettersView.vue') },
  { path: '/letters/new', name: 'letter-new', component: () => import('./views/LetterEditorView.vue') },
  {
    path: '/letters/:id(\\d+)',
    name: 'letter',
    component: () => import('./views/LetterView.vue'),
    props: (r) => ({ id: Number(r.params.id) }),
  },
  { path: '/trends', name: 'trends', component: () => import('./views/TrendsView.vue') },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
  { path: '/backups', name: 'backups', component: () => import('./views/BackupsView.vue') },
  { path: '/:pathMatch(.*)*', redirect: START_PAGE },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
