import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'

const comingSoon = () => import('./views/ComingSoonView.vue')

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/clients' },
  {
    path: '/today',
    name: 'today',
    component: comingSoon,
    props: { title: 'Today', purpose: 'Follow-ups due, commitments at risk and check-ins: everything to act on today, in one list.' },
  },
  { path: '/clients', name: 'clients', component: () => import('./views/ClientsView.vue') },
  { path: '/clients/:id(\\d+)', name: 'client', component: () => import('./views/ClientView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
  {
    path: '/turnarounds',
    name: 'turnarounds',
    component: comingSoon,
    props: { title: 'Turnarounds', purpose: 'Rescue an unhappy client step by step: agreed issues, commitments, quick wins and follow-ups.' },
  },
  {
    path: '/ledger',
    name: 'ledger',
    component: comingSoon,
    props: { title: 'Ledger', purpose: 'What each client earns and costs: invoices, time, materials, refunds and gifts, and the keep-or-cut decision.' },
  },
  {
    path: '/letters',
    name: 'letters',
    component: comingSoon,
    props: { title: 'Letters', purpose: 'Follow-ups, apologies, plans, check-ins and parting letters, exported as PDFs on your letterhead.' },
  },
  {
    path: '/trends',
    name: 'trends',
    component: comingSoon,
    props: { title: 'Trends', purpose: 'Issues by root cause and severity over time, and the people and products that keep coming up.' },
  },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
  { path: '/:pathMatch(.*)*', redirect: '/clients' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
