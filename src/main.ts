import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { watchKeyboard } from './a11y/keyboard'
import { watchNaiveRepairs } from './a11y/naive-repairs'
import { vSaveShortcut } from './directives/save-shortcut'
import { router } from './router'
import './styles/base.css'

createApp(App).use(createPinia()).use(router).directive('save-shortcut', vSaveShortcut).mount('#app')
watchNaiveRepairs()
watchKeyboard()
