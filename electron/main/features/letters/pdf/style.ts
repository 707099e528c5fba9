/** The letter's look in one place: a quiet, careful page. Sizes in points (1/72 inch). */
export const INK = '#1f2328'
export const MUTED = '#5b636d'
export const RULE = '#c9cfd5'
export const ACCENT = '#20343a'
export const HEADER_FILL = '#eef1f3'

export const MARGINS = { top: 56, bottom: 66, left: 66, right: 66 }
export const BODY_SIZE = 10
export const LINE_GAP = 3.4
export const PARAGRAPH_GAP = 8
export const HEADING_SIZE = 11
export const TABLE_SIZE = 9
export const SMALL_SIZE = 8

/** Fonts registered on every document. */
export const REGULAR = 'Body'
export const BOLD = 'Bold'
