"""The small text corpus the demo journal is written from (see `demo.generate`).

Everything here is static data: topics a self-taught ML engineer studies, the resources
they study them from, and sentences that get recombined into journal entries, sprint
goals, tasks and outputs. `stage` (0..1) says where in a multi-year journey a topic or
resource usually shows up, so early entries talk about linear algebra and fast.ai and
late ones about interpretability.
"""

from __future__ import annotations

from dataclasses import dataclass

ML = "Machine learning"
MATH = "Mathematics"
WRITING = "Writing"

SKILLS: tuple[tuple[str, float, float], ...] = (
    # name, target hours, baseline hours done before the journal started
    (ML, 10_000.0, 350.0),
    (MATH, 10_000.0, 120.0),
    (WRITING, 10_000.0, 200.0),
)

SERIES = "Self Study Journal"
HANDLE = "selfstudy-demo"
BLOG = f"https://{HANDLE}.github.io"


@dataclass(frozen=True)
class Topic:
    name: str
    stage: float
    skill: str
    tags: tuple[str, ...]
    notes: tuple[str, ...]
    code: str = ""
    build: str = ""  # something to implement while learning it


@dataclass(frozen=True)
class ResourceSpec:
    title: str
    kind: str  # course / book / paper / video / curriculum
    url: str
    skill: str
    stage: float
    length: float  # share of the journey it stays active for
    topic: str  # the Topic.name it mostly teaches


TOPICS: tuple[Topic, ...] = (
    Topic(
        "linear algebra",
        0.02,
        MATH,
        ("math", "linear-algebra"),
        (
            "Matrix multiplication finally clicked as composition of linear maps, not a "
            "table of dot products.",
            "Worked through the exercises on eigenvectors; the geometric picture from "
            "3Blue1Brown helps more than the algebra.",
            "Wrote out why the rank of AB is at most min(rank A, rank B) without looking.",
            "SVD is the thing I keep coming back to: every matrix is a rotation, a stretch "
            "and another rotation.",
            "Spent too long on a sign error in a change-of-basis problem. Slow is fine.",
        ),
        "import numpy as np\n\nA = np.random.randn(4, 3)\nU, S, Vt = np.linalg.svd(A, "
        "full_matrices=False)\nassert np.allclose(A, U @ np.diag(S) @ Vt)",
        build="power iteration for eigenvectors",
    ),
    Topic(
        "calculus and gradients",
        0.05,
        MATH,
        ("math",),
        (
            "Re-derived the chain rule for vector-valued functions; the Jacobian shapes "
            "are the whole trick.",
            "Practised gradients of matrix expressions: d/dW of ||Wx - y||^2 by hand, then "
            "checked numerically.",
            "Finite differences are my new favourite debugging tool.",
        ),
        "def numeric_grad(f, x, eps=1e-5):\n    return (f(x + eps) - f(x - eps)) / (2 * eps)",
        build="a numerical gradient checker",
    ),
    Topic(
        "probability",
        0.1,
        MATH,
        ("math", "probability"),
        (
            "Bayes' rule problems from Stat 110; conditioning on the right event is most "
            "of the work.",
            "Maximum likelihood for a Gaussian gives the sample mean; cross-entropy is "
            "just negative log likelihood wearing a hat.",
            "KL divergence is not symmetric and I finally have an intuition for why that matters.",
        ),
        build="a Bayesian coin-flip model",
    ),
    Topic(
        "backpropagation",
        0.08,
        ML,
        ("ml", "backprop"),
        (
            "Built micrograd along with Karpathy; backprop is just the chain rule applied "
            "in reverse topological order.",
            "Implemented backward() for tanh by hand and checked it against PyTorch.",
            "The gradient of a node that is used twice accumulates, which is why we use "
            "+= and not =.",
            "Manual backprop through a cross-entropy loss: softmax minus one-hot, "
            "beautifully simple.",
        ),
        "class Value:\n    def __init__(self, data, _children=()):\n        self.data = data\n"
        "        self.grad = 0.0\n        self._prev = set(_children)\n"
        "        self._backward = lambda: None",
        build="micrograd from scratch",
    ),
    Topic(
        "fast.ai and practical deep learning",
        0.12,
        ML,
        ("ml", "course", "fastai"),
        (
            "fast.ai lesson: trained an image classifier in a few lines, then spent the "
            "afternoon understanding what those lines do.",
            "Top-down learning is uncomfortable for me but it keeps motivation up.",
            "Learning rate finder plus one-cycle training is a strong default.",
            "Deployed a tiny model to a Hugging Face Space; shipping something feels good.",
        ),
        build="a pet-breed classifier",
    ),
    Topic(
        "PyTorch",
        0.15,
        ML,
        ("ml", "pytorch", "code"),
        (
            "Rewrote my training loop from scratch in plain PyTorch: model, loss, "
            "optimizer.zero_grad(), backward, step.",
            "Broadcasting bugs are silent; I now assert tensor shapes at every step.",
            "Learned the difference between .view() and .reshape() the hard way.",
            "Wrote a custom Dataset and DataLoader for the names dataset.",
        ),
        "for xb, yb in loader:\n    logits = model(xb)\n    loss = F.cross_entropy(logits, yb)\n"
        "    opt.zero_grad()\n    loss.backward()\n    opt.step()",
        build="a clean PyTorch training loop",
    ),
    Topic(
        "makemore",
        0.2,
        ML,
        ("ml", "karpathy", "code"),
        (
            "Karpathy's makemore: bigram model first, then an MLP after Bengio et al. 2003.",
            "Batch normalization section of makemore: initialisation matters far more "
            "than I thought.",
            "Kept the loss curves of three runs side by side; the kaiming init run wins.",
            "Becoming a backprop ninja: manual gradients through batchnorm took me all evening.",
        ),
        "C = torch.randn((27, 10))\nemb = C[X]\nh = torch.tanh(emb.view(-1, 30) @ W1 + b1)\n"
        "logits = h @ W2 + b2",
        build="a character-level MLP from scratch",
    ),
    Topic(
        "optimisation",
        0.25,
        ML,
        ("ml", "optimisation"),
        (
            "Adam is momentum plus per-parameter scaling; bias correction matters in the "
            "first steps.",
            "Weight decay vs L2 regularisation in Adam: AdamW exists for a reason.",
            "Learning-rate warmup stabilised my small transformer immediately.",
        ),
        build="Adam and AdamW from scratch",
    ),
    Topic(
        "convolutional networks",
        0.28,
        ML,
        ("ml", "cnn"),
        (
            "CS231n notes on convolutions: parameter sharing is the inductive bias.",
            "Read the ResNet paper; residual connections make very deep nets trainable.",
            "Visualised first-layer filters of a trained CNN: edge detectors, as promised.",
        ),
        build="a small ResNet from scratch",
    ),
    Topic(
        "transformers",
        0.4,
        ML,
        ("ml", "transformers"),
        (
            "Read Attention Is All You Need again; this time the shapes of Q, K and V all "
            "made sense.",
            "Implemented multi-head attention from scratch and matched PyTorch's output.",
            "The causal mask is just -inf above the diagonal before the softmax.",
            "Positional encodings: sinusoidal vs learned. Tried both on a toy task.",
            "Built a GPT from scratch following Karpathy; the transformer block is "
            "smaller than I expected.",
            "Layer norm placement (pre-LN vs post-LN) changes training stability a lot.",
        ),
        "att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))\n"
        "att = att.masked_fill(mask == 0, float('-inf'))\natt = F.softmax(att, dim=-1)\n"
        "y = att @ v",
        build="multi-head attention from scratch",
    ),
    Topic(
        "tokenization",
        0.45,
        ML,
        ("ml", "transformers"),
        (
            "Implemented byte-pair encoding; many odd LLM behaviours come from the tokenizer.",
            "Counted how GPT-2 tokenizes numbers; no wonder arithmetic is hard for it.",
        ),
        build="a BPE tokenizer from scratch",
    ),
    Topic(
        "scaling laws",
        0.55,
        ML,
        ("ml", "paper"),
        (
            "Read the Kaplan et al. scaling laws paper and then Chinchilla; compute-optimal "
            "means more tokens than people used to train on.",
            "Plotted loss vs parameters for my tiny models on a log-log scale; it is "
            "surprisingly straight.",
        ),
        build="a sweep of tiny models for a scaling plot",
    ),
    Topic(
        "fine-tuning",
        0.6,
        ML,
        ("ml", "llm"),
        (
            "Fine-tuned a small model with LoRA; only a few million trainable parameters.",
            "Evaluation is the hard part: my fine-tune looked great until I held out a "
            "real test set.",
        ),
        build="LoRA from scratch",
    ),
    Topic(
        "mechanistic interpretability",
        0.7,
        ML,
        ("ml", "interpretability"),
        (
            "ARENA day: TransformerLens hooks make activation patching almost easy.",
            "Found an induction head in a two-layer attention-only model. Goosebumps.",
            "A Mathematical Framework for Transformer Circuits: the residual stream as a "
            "communication channel is a great mental model.",
            "Toy Models of Superposition: more features than dimensions, stored in "
            "almost-orthogonal directions.",
            "Trained a sparse autoencoder on MLP activations; half the features are dead, "
            "need resampling.",
            "Logit lens on GPT-2 small: the answer appears in the middle layers.",
        ),
        "from transformer_lens import HookedTransformer\n\n"
        "model = HookedTransformer.from_pretrained('gpt2-small')\n"
        "logits, cache = model.run_with_cache('The Eiffel Tower is in')",
        build="a sparse autoencoder from scratch",
    ),
    Topic(
        "research engineering",
        0.8,
        ML,
        ("ml", "research"),
        (
            "Set up proper experiment tracking; I could not reproduce last week's run and "
            "that scared me.",
            "Wrote a replication plan for a paper: what to match exactly, what to approximate.",
            "Seeds, configs and a results table in every README from now on.",
        ),
        build="an experiment-tracking harness",
    ),
    Topic(
        "writing explainers",
        0.3,
        WRITING,
        ("writing", "explainer"),
        (
            "Writing the explainer exposed three things I only thought I understood.",
            "First draft is always twice too long; cut every sentence that does not teach.",
            "Feynman technique: if I cannot explain it to a friend, I do not know it yet.",
            "Drew the diagrams before writing the prose; it went much faster.",
        ),
        build="a static site for the explainers",
    ),
    Topic(
        "public learning",
        0.5,
        WRITING,
        ("writing", "public"),
        (
            "Posted the journal publicly; two kind comments and one useful correction.",
            "Learning in public keeps me honest about how many hours I actually put in.",
            "A thread on X about my makemore notes got more replies than the blog post.",
        ),
        build="a tracker for public posts",
    ),
    Topic(
        "job search",
        0.85,
        WRITING,
        ("career",),
        (
            "Updated the portfolio page with the three projects I can explain best.",
            "Mock interview: ML system design went fine, the probability puzzle did not.",
            "Reached out to two people working on interpretability; both replied.",
        ),
        build="a portfolio site",
    ),
)

RESOURCES: tuple[ResourceSpec, ...] = (
    ResourceSpec(
        "Essence of Linear Algebra (3Blue1Brown)",
        "video",
        "https://www.3blue1brown.com/topics/linear-algebra",
        MATH,
        0.0,
        0.04,
        "linear algebra",
    ),
    ResourceSpec(
        "Mathematics for Machine Learning",
        "book",
        "https://mml-book.github.io",
        MATH,
        0.01,
        0.2,
        "linear algebra",
    ),
    ResourceSpec(
        "MIT 18.06 Linear Algebra (Gilbert Strang)",
        "course",
        "https://ocw.mit.edu/courses/18-06-linear-algebra-spring-2010/",
        MATH,
        0.03,
        0.12,
        "linear algebra",
    ),
    ResourceSpec(
        "Neural Networks: Zero to Hero",
        "curriculum",
        "https://karpathy.ai/zero-to-hero.html",
        ML,
        0.05,
        0.25,
        "makemore",
    ),
    ResourceSpec(
        "micrograd",
        "video",
        "https://github.com/karpathy/micrograd",
        ML,
        0.06,
        0.03,
        "backpropagation",
    ),
    ResourceSpec(
        "fast.ai Practical Deep Learning for Coders",
        "course",
        "https://course.fast.ai",
        ML,
        0.08,
        0.15,
        "fast.ai and practical deep learning",
    ),
    ResourceSpec(
        "Stat 110: Probability (Harvard)",
        "course",
        "https://projects.iq.harvard.edu/stat110",
        MATH,
        0.1,
        0.15,
        "probability",
    ),
    ResourceSpec(
        "PyTorch tutorials",
        "course",
        "https://pytorch.org/tutorials/",
        ML,
        0.12,
        0.06,
        "PyTorch",
    ),
    ResourceSpec(
        "makemore",
        "video",
        "https://github.com/karpathy/makemore",
        ML,
        0.16,
        0.08,
        "makemore",
    ),
    ResourceSpec(
        "Deep Learning (Goodfellow, Bengio, Courville)",
        "book",
        "https://www.deeplearningbook.org",
        ML,
        0.18,
        0.3,
        "optimisation",
    ),
    ResourceSpec(
        "Adam: A Method for Stochastic Optimization",
        "paper",
        "https://arxiv.org/abs/1412.6980",
        ML,
        0.24,
        0.01,
        "optimisation",
    ),
    ResourceSpec(
        "CS231n: Convolutional Neural Networks for Visual Recognition",
        "course",
        "https://cs231n.github.io",
        ML,
        0.25,
        0.1,
        "convolutional networks",
    ),
    ResourceSpec(
        "Deep Residual Learning for Image Recognition",
        "paper",
        "https://arxiv.org/abs/1512.03385",
        ML,
        0.28,
        0.01,
        "convolutional networks",
    ),
    ResourceSpec(
        "On Writing Well (William Zinsser)",
        "book",
        "",
        WRITING,
        0.3,
        0.06,
        "writing explainers",
    ),
    ResourceSpec(
        "The Illustrated Transformer",
        "paper",
        "https://jalammar.github.io/illustrated-transformer/",
        ML,
        0.35,
        0.01,
        "transformers",
    ),
    ResourceSpec(
        "Attention Is All You Need",
        "paper",
        "https://arxiv.org/abs/1706.03762",
        ML,
        0.37,
        0.02,
        "transformers",
    ),
    ResourceSpec(
        "Transformers from scratch (Peter Bloem)",
        "course",
        "https://peterbloem.nl/blog/transformers",
        ML,
        0.38,
        0.05,
        "transformers",
    ),
    ResourceSpec(
        "Let's build GPT: from scratch, in code, spelled out",
        "video",
        "https://github.com/karpathy/nanoGPT",
        ML,
        0.42,
        0.04,
        "transformers",
    ),
    ResourceSpec(
        "Understanding Deep Learning (Simon Prince)",
        "book",
        "https://udlbook.github.io/udlbook/",
        ML,
        0.45,
        0.2,
        "transformers",
    ),
    ResourceSpec(
        "Scaling Laws for Neural Language Models",
        "paper",
        "https://arxiv.org/abs/2001.08361",
        ML,
        0.52,
        0.01,
        "scaling laws",
    ),
    ResourceSpec(
        "Training Compute-Optimal Large Language Models",
        "paper",
        "https://arxiv.org/abs/2203.15556",
        ML,
        0.55,
        0.01,
        "scaling laws",
    ),
    ResourceSpec(
        "LoRA: Low-Rank Adaptation of Large Language Models",
        "paper",
        "https://arxiv.org/abs/2106.09685",
        ML,
        0.6,
        0.01,
        "fine-tuning",
    ),
    ResourceSpec(
        "ARENA curriculum",
        "curriculum",
        "https://www.arena.education",
        ML,
        0.64,
        0.15,
        "mechanistic interpretability",
    ),
    ResourceSpec(
        "A Mathematical Framework for Transformer Circuits",
        "paper",
        "https://transformer-circuits.pub/2021/framework/index.html",
        ML,
        0.67,
        0.02,
        "mechanistic interpretability",
    ),
    ResourceSpec(
        "In-context Learning and Induction Heads",
        "paper",
        "https://transformer-circuits.pub/2022/in-context-learning-and-induction-heads/index.html",
        ML,
        0.7,
        0.02,
        "mechanistic interpretability",
    ),
    ResourceSpec(
        "Toy Models of Superposition",
        "paper",
        "https://transformer-circuits.pub/2022/toy_model/index.html",
        ML,
        0.73,
        0.02,
        "mechanistic interpretability",
    ),
    ResourceSpec(
        "Towards Monosemanticity",
        "paper",
        "https://transformer-circuits.pub/2023/monosemantic-features/index.html",
        ML,
        0.77,
        0.02,
        "mechanistic interpretability",
    ),
    ResourceSpec(
        "The Sense of Style (Steven Pinker)",
        "book",
        "",
        WRITING,
        0.8,
        0.06,
        "writing explainers",
    ),
    ResourceSpec(
        "AI Safety Fundamentals",
        "curriculum",
        "https://aisafetyfundamentals.com",
        ML,
        0.83,
        0.1,
        "research engineering",
    ),
    ResourceSpec(
        "Designing Machine Learning Systems (Chip Huyen)",
        "book",
        "",
        ML,
        0.88,
        0.08,
        "research engineering",
    ),
    # What the learner is in the middle of when the demo ends.
    ResourceSpec(
        "200 Concrete Open Problems in Mechanistic Interpretability",
        "curriculum",
        "",
        ML,
        0.9,
        0.3,
        "mechanistic interpretability",
    ),
    ResourceSpec(
        "Probabilistic Machine Learning: An Introduction (Kevin Murphy)",
        "book",
        "https://probml.github.io/pml-book/book1.html",
        MATH,
        0.93,
        0.3,
        "probability",
    ),
    ResourceSpec(
        "Scaling Monosemanticity",
        "paper",
        "https://transformer-circuits.pub/2024/scaling-monosemanticity/index.html",
        ML,
        0.97,
        0.05,
        "mechanistic interpretability",
    ),
    # Still on the wish list when the demo ends.
    ResourceSpec(
        "The Elements of Statistical Learning",
        "book",
        "https://hastie.su.domains/ElemStatLearn/",
        MATH,
        1.05,
        0.2,
        "probability",
    ),
    ResourceSpec(
        "Pattern Recognition and Machine Learning (Bishop)",
        "book",
        "",
        ML,
        1.1,
        0.2,
        "probability",
    ),
)

SHORT_TITLES: dict[str, str] = {
    "Mathematics for Machine Learning": "the MML book",
    "MIT 18.06 Linear Algebra (Gilbert Strang)": "MIT 18.06",
    "Neural Networks: Zero to Hero": "Zero to Hero",
    "fast.ai Practical Deep Learning for Coders": "fast.ai",
    "Stat 110: Probability (Harvard)": "Stat 110",
    "Deep Learning (Goodfellow, Bengio, Courville)": "the Deep Learning book",
    "CS231n: Convolutional Neural Networks for Visual Recognition": "CS231n",
    "Let's build GPT: from scratch, in code, spelled out": "Let's build GPT",
    "Understanding Deep Learning (Simon Prince)": "Understanding Deep Learning",
    "200 Concrete Open Problems in Mechanistic Interpretability": "the open problems list",
    "Probabilistic Machine Learning: An Introduction (Kevin Murphy)": "Murphy's PML book",
    "Training Compute-Optimal Large Language Models": "the Chinchilla paper",
    "Scaling Laws for Neural Language Models": "the scaling laws paper",
    "Adam: A Method for Stochastic Optimization": "the Adam paper",
    "Deep Residual Learning for Image Recognition": "the ResNet paper",
    "LoRA: Low-Rank Adaptation of Large Language Models": "the LoRA paper",
}

CAREER_GOALS: tuple[str, ...] = (
    "ML engineer role by {when}",
    "Junior ML engineer offer by {when}",
    "Research engineer role in interpretability by {when}",
    "Published interpretability result and a research engineer role by {when}",
)

SPRINT_GOALS: tuple[str, ...] = (
    "Finish {resource} and write one explainer about {topic}",
    "Get comfortable with {topic}; ship a small project",
    "Work through {resource}, two sessions a day, no skipped reviews",
    "Deep dive on {topic}: notes, code, and a public summary",
    "Consolidate {topic} and publish what I learned",
    "Half consumption, half production: {resource} plus writing about {topic}",
)

TASK_TEMPLATES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # title, category it is worked in, kinds of resource it fits ({resource} only)
    ("Work through {resource}, part {n}", "Courses", ("course", "curriculum", "book")),
    ("Read {resource}", "Reading", ("book", "paper")),
    ("Watch {resource}", "Watching", ("video",)),
    ("Exercises on {topic}", "Coding", ()),
    ("Code up {build}", "Coding", ()),
    ("Write an explainer on {topic}", "Writing", ()),
    ("Summarise {resource}", "Writing", ("paper", "book", "video")),
    ("Flashcards for {topic}", "Reading", ()),
    ("Explain {topic} to the study group", "Teaching", ()),
    ("Post a thread about {topic}", "Explaining", ()),
)

BACKLOG: tuple[str, ...] = (
    "Replicate a small result from Toy Models of Superposition",
    "Write up the makemore notes as a blog post",
    "Rebuild the portfolio site",
    "Read the GPT-2 paper again, slowly",
    "Implement beam search",
    "Learn enough CUDA to read a kernel",
    "Try JAX on a toy problem",
    "Write about how I track deep-work hours",
    "Go through the Matrix Cookbook identities I actually use",
    "Build a tiny RL agent for CartPole",
    "Read Chris Olah's old blog posts",
    "Answer three questions on the fast.ai forum",
    "Contribute a docs fix to TransformerLens",
    "Write a LessWrong post on what I got wrong about attention",
    "Set up a cheap cloud GPU workflow",
    "Revisit probability: Stat 110 problem sets 5-7",
    "Learn einops properly",
    "Make an Anki deck for linear algebra",
    "Write a 'Day 0 of ML' retrospective",
    "Pair-programme with someone from the study group",
    "Try mixed-precision training",
    "Read 'Designing Data-Intensive Applications' chapter 1",
)

SESSION_NOTES: dict[str, tuple[str, ...]] = {
    "Writing": (
        "draft",
        "edited the intro",
        "cut 30% of the draft",
        "wrote the diagrams' captions",
        "long writing block, phone in the other room",
    ),
    "Coding": (
        "training loop",
        "debugged shapes",
        "wrote tests for the tokenizer",
        "refactored the notebook into a package",
        "ran the sweep",
    ),
    "Teaching": ("study group", "walked two people through backprop", "office hours"),
    "Explaining": ("answered forum questions", "thread draft", "explained attention on a call"),
    "Reading": ("chapter notes", "paper, first pass", "paper, second pass with pen", "exercises"),
    "Watching": ("lecture", "rewatched the hard part at 0.75x", "talk from a conference"),
    "Courses": ("lesson", "notebook exercises", "quiz and notes", "lesson + homework"),
}

OPENERS_GOOD: tuple[str, ...] = (
    "Good day. Focused from the first session.",
    "Slept well and it showed: the hard part went quickly.",
    "Calm, steady day of work.",
    "Felt sharp this morning; used it for the hardest task first.",
)
OPENERS_OK: tuple[str, ...] = (
    "Normal day.",
    "Slow start, decent finish.",
    "Got the sessions in, nothing dramatic.",
    "Kept the streak going.",
    "Mixed day: one great session, one distracted one.",
)
OPENERS_BAD: tuple[str, ...] = (
    "Tired. Slept badly and the first session was mostly rereading.",
    "Low energy after a short night; kept it light.",
    "Paying for yesterday's marathon: foggy all morning.",
    "Rough night. Did the minimum and stopped early.",
)
OPENERS_OFF: tuple[str, ...] = (
    "No deep work today.",
    "Rest day. Walked, read fiction, no screens after dinner.",
    "Off today; the break is part of the plan.",
    "Sick, so only this note.",
)

REFLECTIONS: tuple[str, ...] = (
    "Consistency beats intensity: a small daily habit compounds.",
    "I notice I avoid the production side when I am tired; consumption feels like work "
    "but teaches less.",
    "The 10,000-hour counter is motivating on bad days and irrelevant on good ones.",
    "Need to stop reading one more paper and write the thing.",
    "When I can predict the shape of every tensor, I understand the model.",
    "Writing in public is slower but I remember everything I wrote about.",
    "Sleep is the best productivity tool I have found so far.",
    "I underestimated the time for this sprint again; estimates x1.5 from now on.",
    "Spaced repetition for the maths definitions is working.",
    "It helps to end the day by writing tomorrow's first task.",
)

MARATHON_NOTES: tuple[str, ...] = (
    "Seven-hour writing session. Exhausted, happy, and the explainer is done.",
    "Huge production day: wrote the whole post in one sitting. Will pay for it tonight.",
    "Marathon day. Flow for hours; forgot to eat lunch.",
)

NIGHT_NOTES_BAD: tuple[str, ...] = (
    "Brain would not switch off after the long session.",
    "Woke up at 4 thinking about attention heads.",
    "Late night, too much coffee.",
    "Restless; kept rewriting paragraphs in my head.",
)
NIGHT_NOTES_GOOD: tuple[str, ...] = (
    "Slept like a rock.",
    "No screens after 21:00 helped.",
    "Long walk yesterday, great sleep.",
)
DAY_NOTES: tuple[str, ...] = (
    "Gym in the morning.",
    "Study group in the evening.",
    "Family visit.",
    "Rainy day, stayed in.",
    "Travel day.",
    "Caffeine only before noon.",
)

REVIEW_WENT_WELL: tuple[str, ...] = (
    "Kept sessions short and focused.",
    "Asked for feedback early.",
    "Good daily notes: this review took ten minutes.",
    "Stuck to one main resource.",
    "Ended each day by writing down the first task for tomorrow.",
)
REVIEW_WENT_BADLY: tuple[str, ...] = (
    "Context-switched between too many resources.",
    "A few late sessions pushed bedtime back.",
    "Skipped the mid-sprint check-in.",
    "Spent too long polishing instead of shipping.",
    "Estimates were optimistic again.",
)

OUTPUT_TITLES: dict[str, tuple[str, ...]] = {
    "explainer": (
        "{topic}, explained with pictures",
        "{topic} from first principles",
        "An intuitive guide to {topic}",
    ),
    "blog_post": (
        "What I learned from {resource}",
        "Six months of {topic}: notes from a self-taught learner",
        "How I study {topic} on my own",
    ),
    "forum_post": (
        "A beginner's attempt at {topic}",
        "Things I got wrong about {topic}",
        "Notes on {resource}",
    ),
    "comment": (
        "Comment on a post about {topic}",
        "Reply: a question about {topic}",
    ),
    "x_thread": (
        "Thread: {topic} in 10 tweets",
        "Thread: what {resource} taught me",
    ),
    "code": (
        "{build} (repo)",
        "Notebook: experiments with {topic}",
    ),
    "summary": (
        "Summary: {resource}",
        "Paper notes: {resource}",
    ),
}

LONG_FORM_PARAGRAPHS: tuple[str, ...] = (
    "The first time through, I treated the material as something to get through. This "
    "time I slowed down, wrote every derivation by hand, and checked each one with a few "
    "lines of code. It took three times longer and it was worth it.",
    "What surprised me is how much of deep learning is bookkeeping: shapes, indices, "
    "which dimension the softmax runs over. Once the bookkeeping is automatic, the ideas "
    "underneath are few and beautiful.",
    "I keep a list of things I cannot yet explain. Every sprint I try to take two items "
    "off it by writing about them. Writing is where the gaps show up.",
    "Deep-work hours are a rough measure, but they are honest. On days I feel I did a "
    "lot and the counter says ninety minutes, the counter is usually right.",
    "Reading papers got easier once I stopped reading them in order: abstract, figures, "
    "conclusion, then the method section with a pen, and only then the related work.",
    "The best thing I did this year was to build small things end to end. A tiny model "
    "that trains, evaluates and is written up beats a big one that lives in a notebook.",
    "Sleep matters more than I want to admit. Every time I push a session past "
    "midnight, the next two days are worse, and the total comes out lower.",
    "Interpretability pulled me in because it turns trained networks into objects of "
    "study. You can poke them, patch them and watch what changes.",
)
