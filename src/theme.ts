/**
 * The app's colours for Naive UI, light and dark. Status tags and steps are set here rather than
 * left to Naive's defaults, whose blue and amber on their pale backgrounds fall below the 4.5:1
 * contrast WCAG asks of text (3.36:1 and 1.92:1).
 */
import type { GlobalThemeOverrides } from 'naive-ui'

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

/** Text and background of each kind of tag: at risk amber, in turnaround blue, done green, overdue red. */
interface TagInk {
  text: string
  background: string
}
type TagKinds = Record<'default' | 'info' | 'warning' | 'success' | 'error' | 'primary', TagInk>

const LIGHT_TAGS: TagKinds = {
  default: { text: '#3d434b', background: '#ececea' },
  info: { text: '#1d4f91', background: '#e3edfa' },
  warning: { text: '#874400', background: '#fcefd9' },
  success: { text: '#0c5d36', background: '#e1f2e8' },
  error: { text: '#a11d16', background: '#fbe4e2' },
  primary: { text: '#24575b', background: '#e2eeee' },
}
const DARK_TAGS: TagKinds = {
  default: { text: '#d3d7dc', background: '#30343a' },
  info: { text: '#a8cbf5', background: '#1f2d40' },
  warning: { text: '#f6c97d', background: '#3b2d14' },
  success: { text: '#93d9b0', background: '#17332a' },
  error: { text: '#f6a8a0', background: '#42201e' },
  primary: { text: '#a3d8dc', background: '#1b3436' },
}

function tagOverrides(tags: TagKinds): NonNullable<GlobalThemeOverrides['Tag']> {
  const out: Record<string, string> = {
    textColor: tags.default.text,
    color: tags.default.background,
  }
  for (const kind of ['info', 'warning', 'success', 'error', 'primary'] as const) {
    const suffix = kind[0]!.toUpperCase() + kind.slice(1)
    out[`textColor${suffix}`] = tags[kind].text
    out[`color${suffix}`] = tags[kind].background
    out[`closeIconColor${suffix}`] = tags[kind].text
  }
  return out
}

export const LIGHT_THEME: GlobalThemeOverrides = {
  common: {
    primaryColor: '#2d6a6f',
    primaryColorHover: '#37797e',
    primaryColorPressed: '#24575b',
    primaryColorSuppl: '#37797e',
    // White text on a warning, info or success button at 4.5:1 or more (Naive's are 2.3 to 3.7:1).
    warningColor: '#a85a05',
    warningColorHover: '#b86a12',
    warningColorPressed: '#8a4a04',
    warningColorSuppl: '#b86a12',
    infoColor: '#1d63b8',
    infoColorHover: '#2a72c8',
    infoColorPressed: '#17529a',
    infoColorSuppl: '#2a72c8',
    successColor: '#137a45',
    successColorHover: '#1a8a50',
    successColorPressed: '#0f6539',
    successColorSuppl: '#1a8a50',
    errorColor: '#c0303f',
    errorColorHover: '#cf4351',
    errorColorPressed: '#a32533',
    errorColorSuppl: '#cf4351',
    // Hints and placeholders dark enough to read (Naive's #767c82 is 4.2:1 on white).
    textColor3: '#5f6670',
    placeholderColor: '#6b7179',
    borderRadius: '6px',
    fontFamily: FONT,
  },
  Tag: tagOverrides(LIGHT_TAGS),
  // A secondary coloured button (Remove sample data on the info banner) keeps its text at 4.5:1 or
  // more when resting, hovered or pressed (Naive's tints left 4.4:1 at rest, 4.1:1 hovered).
  Button: {
    colorOpacitySecondary: '0.1',
    colorOpacitySecondaryHover: '0.13',
    colorOpacitySecondaryPressed: '0.14',
  },
  Steps: {
    headerTextColorWait: '#5f6670',
    indicatorTextColorWait: '#5f6670',
    indicatorBorderColorWait: '#8a9097',
    descriptionTextColorWait: '#5f6670',
    splitorColorWait: '#8a9097',
    // Steps already taken stay readable (Naive greys them to 1.8:1).
    headerTextColorFinish: '#3d434b',
    descriptionTextColorFinish: '#5f6670',
  },
}

export const DARK_THEME: GlobalThemeOverrides = {
  common: {
    primaryColor: '#5fb3b8',
    primaryColorHover: '#74c2c6',
    primaryColorPressed: '#4a9ca1',
    primaryColorSuppl: '#74c2c6',
    textColor3: 'rgba(255, 255, 255, 0.66)',
    placeholderColor: 'rgba(255, 255, 255, 0.6)',
    bodyColor: '#15181b',
    cardColor: '#1c2024',
    modalColor: '#22272c',
    popoverColor: '#2a3036',
    borderRadius: '6px',
    fontFamily: FONT,
  },
  Tag: tagOverrides(DARK_TAGS),
  Steps: {
    headerTextColorWait: 'rgba(255, 255, 255, 0.66)',
    indicatorTextColorWait: 'rgba(255, 255, 255, 0.66)',
    indicatorBorderColorWait: 'rgba(255, 255, 255, 0.5)',
    descriptionTextColorWait: 'rgba(255, 255, 255, 0.66)',
    splitorColorWait: 'rgba(255, 255, 255, 0.5)',
    headerTextColorFinish: 'rgba(255, 255, 255, 0.82)',
    descriptionTextColorFinish: 'rgba(255, 255, 255, 0.66)',
  },
}
