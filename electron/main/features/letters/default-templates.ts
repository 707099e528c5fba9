/**
 * The default template of each kind of letter, written for this product: plain, warm and specific,
 * the way a careful owner writes to a client. Each reads well for a client with a full turnaround
 * and for one with nothing but a name. Syntax: see shared/letters/merge-fields.ts.
 */
import type { LetterKind } from '../../../shared/letters/words'
import type { TemplateSource } from './template-engine'

const contact = `{% if business.phone != "" and business.email != "" %}please call me on {{ business.phone }} or write to {{ business.email }}{% elsif business.phone != "" %}please call me on {{ business.phone }}{% elsif business.email != "" %}please write to me at {{ business.email }}{% else %}please get in touch{% endif %}`

/** ", by 3 December 2026", " (done)", or " (it was due on …: it is late, and I am sorry)", as it stood on the letter's date. */
const actionWhen = (item: string) =>
  `{% if ${item}.done %} (done){% elsif ${item}.late %} (it was due on {{ ${item}.due }}: it is late, and I am sorry){% elsif ${item}.due != "" %}, by {{ ${item}.due }}{% endif %}`
const commitmentWhen = (item: string) =>
  `{% if ${item}.done %} (done on {{ ${item}.done_on }}){% elsif ${item}.late %} (it was due on {{ ${item}.due }}: it is late, and I am sorry){% else %}, by {{ ${item}.due }}{% endif %}`

export const DEFAULT_TEMPLATES: Record<LetterKind, TemplateSource> = {
  follow_up: {
    subject: `Following up on our {% if turnaround.met_via == "call" %}call{% elsif turnaround.met_via == "email" %}correspondence{% elsif turnaround.met_via == "meeting" %}meeting{% else %}conversation{% endif %}{% if turnaround.issues_agreed_on != "" %} of {{ turnaround.issues_agreed_on }}{% endif %}`,
    body: `Dear {{ client.greeting }},

Thank you for taking the time to {% if turnaround.met_via == "meeting" %}meet with me{% elsif turnaround.met_via == "email" %}write to me{% else %}speak with me{% endif %}{% if turnaround.issues_agreed_on != "" %} on {{ turnaround.issues_agreed_on }}{% endif %}, and for telling me plainly where we have fallen short. I would much rather hear it from you directly, and I am grateful for the chance to put things right. This letter sets out what we {% if turnaround.issues_agreed %}agreed{% else %}discussed{% endif %}, so that we both have the same record.

{% if turnaround.issues_agreed %}
# The issues we agreed
{% else %}
# The issues you raised
{% endif %}
{% if issues.size > 0 %}
{% if turnaround.issues_agreed %}
These are the issues we agreed on{% if new_issues.size > 0 %}, and {% if new_issues.size == 1 %}the one{% else %}the {{ new_issues.size }}{% endif %} raised since, marked as new{% endif %}. If anything is missing, or not as you would put it, please tell me and I will correct the list.
{% else %}
These are the issues as I understood them. If anything is missing, or not as you would put it, please tell me and I will correct the list.
{% endif %}
{% table issues %}
{% else %}
I am putting the issues we discussed into writing, and will send you the list shortly so that you can check that nothing is missing.
{% endif %}
{% if client_commitment_parts.size > 0 %}
# Your part
Once these issues are resolved to your satisfaction, you told us that you would:
{% for part in client_commitment_parts %}
- {{ part.text }}
{% endfor %}

Thank you: that means a great deal to us.
{% endif %}
# What happens next
{% if turnaround.plan_agreed %}
We agreed the plan{% if turnaround.plan_agreed_on != "" %} on {{ turnaround.plan_agreed_on }}{% endif %}, and the work on it is under way.
{% elsif turnaround.plan_due_passed %}
I promised you a written plan by {{ turnaround.plan_due }}, and I have not yet sent it: I am sorry for the delay. You will have it within the next few days. It will set out how we will resolve each issue, starting with the changes you will notice soonest, and what each of us will do.
{% elsif turnaround.plan_due != "" %}
I will send you a written plan by {{ turnaround.plan_due }}. It will set out how we will resolve each issue, starting with the changes you will notice soonest, and what each of us will do.
{% else %}
I will send you a written plan shortly. It will set out how we will resolve each issue, starting with the changes you will notice soonest, and what each of us will do.
{% endif %}

{% if commitments.size > 0 %}
{% if turnaround.met_via == "call" %}These are the commitments we each made on our call{% elsif turnaround.met_via == "email" %}These are the commitments we each made in our correspondence{% elsif turnaround.met_via == "meeting" %}These are the commitments we each made at our meeting{% else %}These are the commitments we each made{% endif %}, and where each one stands:
{% table commitments %}
{% endif %}

If you have any questions{% unless turnaround.plan_agreed %} before then{% endunless %}, ${contact}.`,
  },
  apology: {
    subject: `Thank you for telling us, and our apology`,
    body: `Dear {{ client.greeting }},

Thank you for telling us what went wrong. It is never pleasant to have to raise a complaint, and you were right to do so: it has given us the chance to put things right, and to make sure it does not happen again.

# What went wrong
{% if issues.size > 0 %}
{% if real_issues.size > 0 %}
{% for issue in real_issues %}
- {{ issue.statement }}
{% endfor %}

I am sorry. This is not the standard we hold ourselves to, and not what you should expect from us.
{% endif %}
{% if perceived_issues.size > 0 %}

{% if real_issues.size > 0 %}You also told us about the following. We see some of it differently, but{% else %}You told us about the following. We see some of it differently, but{% endif %} I understand why it left you unhappy, and we will make it clearer from now on:
{% for issue in perceived_issues %}
- {{ issue.statement }}
{% endfor %}
{% endif %}
{% if unclear_issues.size > 0 %}

{% if real_issues.size > 0 or perceived_issues.size > 0 %}We are also still looking into how this happened:{% else %}We are looking into exactly how each of these happened, and I am sorry for the trouble they have caused you:{% endif %}
{% for issue in unclear_issues %}
- {{ issue.statement }}
{% endfor %}
{% endif %}
{% else %}
We did not meet the standard you rightly expect from us, and I am sorry.
{% endif %}

# What we are doing about it
{% if actions.size > 0 %}
{% for action in actions %}
- {{ action.title }}${actionWhen('action')}
{% endfor %}
{% elsif our_commitments.size > 0 %}
{% for commitment in our_commitments %}
- {{ commitment.description }}${commitmentWhen('commitment')}
{% endfor %}
{% else %}
I am looking into exactly how this happened, and I will write to you with what we are changing as soon as I have the full picture.
{% endif %}
{% if letter.goodwill != "" %}

# A small gesture
As a way of saying sorry, we would like to offer you {{ letter.goodwill }}. It does not undo the trouble we caused, but I hope you will accept it.
{% endif %}

If there is anything else you would like us to know, ${contact}.`,
  },
  plan: {
    subject: `Our plan to resolve the issues you raised`,
    body: `Dear {{ client.greeting }},

{% if turnaround.plan_due_passed %}Here, later than I promised, and with my apologies for that, is{% else %}As promised, here is{% endif %} our written plan for resolving the issues we {% if turnaround.issues_agreed %}agreed{% if turnaround.issues_agreed_on != "" %} on {{ turnaround.issues_agreed_on }}{% endif %}{% else %}discussed{% endif %}. We have put the quickest improvements first, so that you see progress straight away{% if dated_actions.size > 0 %}, and we have set dates we are confident we can meet{% endif %}.
{% if quick_wins.size > 0 %}

# First, the quick wins
{% for action in quick_wins %}
- {{ action.title }}${actionWhen('action')}
{% endfor %}
{% endif %}

# How we will resolve each issue
{% if issues.size > 0 %}
{% for issue in issues %}
- {{ issue.statement }}{% if issue.new %} (raised since we agreed the list){% endif %}{% if issue.approach != "" %}: {{ issue.approach }}{% endif %}
{% endfor %}
{% else %}
We will confirm the approach for each issue with you as soon as the list is agreed.
{% endif %}
{% if actions.size > 0 %}

# The plan, step by step
{% table plan %}
{% endif %}
{% if commitments.size > 0 %}

# Who does what, and by when
{% table commitments %}
{% endif %}
{% if issues.size > 0 %}

# How we will both know it is resolved
{% table issues %}
{% endif %}

I will keep you informed as each step is done, and if any date is at risk I will tell you well before it passes. Please let me know whether this plan works for you; once you agree, we will start straight away. If you have any questions, ${contact}.`,
  },
  check_in: {
    subject: `Checking in`,
    body: `Dear {{ client.greeting }},

{% if turnaround.closed_on != "" %}It has been a few months since we finished working through the issues you raised, and{% else %}It has been a little while since we last spoke, and{% endif %} I wanted to check in with you personally to make sure everything is still working as it should.
{% if resolved_issues.size > 0 %}

{% if open_issues.size > 0 %}These are resolved:{% else %}At the time, we resolved the following:{% endif %}
{% for issue in resolved_issues %}
- {{ issue.statement }}
{% endfor %}

{% if open_issues.size > 0 %}If any of these has come back, I would like to hear about it now rather than later.{% else %}I hope each of these has stayed resolved. If any of them has come back, I would like to hear about it now rather than later.{% endif %}
{% endif %}
{% if open_issues.size > 0 %}

{% if resolved_issues.size > 0 %}And these are still open:{% else %}These are the issues we are still working on:{% endif %}
{% for issue in open_issues %}
- {{ issue.statement }}{% if issue.status == "In progress" %} (in progress){% endif %}
{% endfor %}

I have not forgotten them, and I will write to you as each one is done.
{% endif %}

Is there anything we could be doing better for you? A short reply to this letter, or a call, is all it takes: ${contact}.

Thank you for continuing to work with us.`,
  },
  parting: {
    subject: `The end of our work together`,
    body: `Dear {{ client.greeting }},

After careful thought, I have decided that we are not the right business to meet your needs, and that it is best for both of us to bring our working relationship to an end. {% if parting.notice_days > 0 %}This letter is our notice: our work together will end on {{ parting.ends_on }}, {{ parting.notice_days }} days from today.{% else %}Our work together ends today, {{ parting.ends_on }}.{% endif %}

{% if turnaround.exists %}We have worked hard to resolve the concerns you raised{% if turnaround.opened_on != "" %} since {{ turnaround.opened_on }}{% endif %}, and I am sorry that we have not been able to do so to your satisfaction. The plan we were working through ends with this letter: we will not take further steps on it.{% else %}I am sorry that we have not been able to give you the service you expect.{% endif %}

# What we will still deliver
Any order you have already placed with us will be completed and delivered{% if parting.notice_days > 0 %} by {{ parting.ends_on }}{% endif %}, on the terms agreed when you placed it. We will not take on new orders from today.

# What is owed
{% if parting.client_owes != "" %}
Your account shows {{ parting.client_owes }} outstanding. Please settle it{% if parting.notice_days > 0 %} by {{ parting.ends_on }}{% endif %}. Our final invoice will cover only the work we deliver before then.
{% elsif parting.we_owe != "" %}
You have paid {{ parting.we_owe }} more than we have invoiced, and we will refund it in full{% if parting.notice_days > 0 %} by {{ parting.ends_on }}{% endif %}. Our final invoice will cover only the work we deliver before then.
{% else %}
Nothing is owed either way today. Our final invoice will cover only the work we deliver before then, and anything you have paid for work we have not done will be refunded in full.
{% endif %}

# Your files and data
{% if parting.notice_days > 0 %}By {{ parting.ends_on }}{% else %}Within the next two weeks{% endif %} we will return all your files, artwork and materials{% if client.email != "" %}, sending them to {{ client.email }} unless you tell me otherwise{% endif %}. We will then delete our copies of your data, keeping only the records the law requires, such as invoices.

If it would help, I will gladly recommend another provider. Thank you for your business, and I wish you every success; if you have any questions about the handover, ${contact}.`,
  },
  blank: {
    subject: ``,
    body: `Dear {{ client.greeting }},

`,
  },
}

export const DEFAULT_CLOSINGS: Record<LetterKind, string> = {
  follow_up: 'Kind regards,',
  apology: 'Yours sincerely,',
  plan: 'Kind regards,',
  check_in: 'With best wishes,',
  parting: 'Yours sincerely,',
  blank: 'Kind regards,',
}
